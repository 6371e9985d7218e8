package cn.gov.disclosure.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, read from the OIDC token: subject, {@code name} or
 * {@code preferred_username}, roles, and the {@code org} claim. Request-scoped, so singletons (REST resources) can
 * inject it and always see the caller of the request at hand.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = read(identity);
        }
        return caller;
    }

    public static Caller read(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, null, Set.of(), null);
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
