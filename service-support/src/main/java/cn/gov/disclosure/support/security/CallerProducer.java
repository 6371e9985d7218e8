package cn.gov.disclosure.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the {@link Caller} of the current request injectable. */
public class CallerProducer {

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, null, java.util.Set.of(), null);
        }
        String subject = identity.getPrincipal().getName();
        String name = subject;
        String org = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object preferred = jwt.getClaim("name");
            if (preferred == null) {
                preferred = jwt.getClaim("preferred_username");
            }
            name = preferred == null ? subject : preferred.toString();
            Object claim = jwt.getClaim(Roles.ORG_CLAIM);
            org = claim == null ? null : claim.toString().replace("\"", "");
        }
        return new Caller(subject, name, identity.getRoles(), org);
    }
}
