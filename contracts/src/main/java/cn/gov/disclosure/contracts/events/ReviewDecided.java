package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The county decided on a version: approved (to be published) or returned to the township with a comment.
 * Carries everything publication archives, so that it needs no call back.
 */
public record ReviewDecided(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        Decision decision,
        String comment,
        String decidedBy,
        OffsetDateTime decidedAt,
        AnnualReport report,
        List<Finding> findings,
        List<Acknowledgement> acknowledgements,
        List<AuditEntry> auditTrail)
        implements EventPayload {

    public enum Decision {
        APPROVED,
        RETURNED
    }

    /** A reviewer acknowledged a warning before approving. */
    public record Acknowledgement(
            String findingCode,
            String row,
            String column,
            String acknowledgedBy,
            OffsetDateTime acknowledgedAt,
            String note) {}

    /** One transition of the review case. */
    public record AuditEntry(
            OffsetDateTime at, String actor, String actorName, String from, String to, String comment) {}

    public ReviewDecided {
        findings = findings == null ? List.of() : List.copyOf(findings);
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
        auditTrail = auditTrail == null ? List.of() : List.copyOf(auditTrail);
    }
}
