package cn.gov.disclosure.validation.store;

import cn.gov.disclosure.contracts.events.Finding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** The validation results, one per version. */
@ApplicationScoped
public class ValidationResults implements PanacheRepositoryBase<ValidationResult, ValidationResult.Key> {

    /**
     * Stores the result of a version; false when it has one already (nothing is written twice; the inbox makes a
     * second result rare: a version submitted twice under two event ids).
     */
    public boolean record(
            String reportId,
            int version,
            String organisationCode,
            int year,
            boolean passed,
            List<Finding> findings,
            OffsetDateTime at) {
        if (findByIdOptional(new ValidationResult.Key(reportId, version)).isPresent()) {
            return false;
        }
        ValidationResult r = new ValidationResult();
        r.reportId = reportId;
        r.version = version;
        r.organisationCode = organisationCode;
        r.year = year;
        r.passed = passed;
        r.findings = findings;
        r.validatedAt = at;
        persist(r);
        return true;
    }
}
