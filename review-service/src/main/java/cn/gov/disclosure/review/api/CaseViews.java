package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.store.Cases;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the reviewer's API answers (designed for the admin front-end). */
public final class CaseViews {

    private CaseViews() {}

    /** A user as the token names them. */
    public record Person(String subject, String name) {}

    /** One line of the case list. {@code etag} is the value to send as {@code If-Match} for a change. */
    public record CaseSummary(
            String id,
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            String countyName,
            int year,
            State state,
            String stateLabel,
            boolean passed,
            int errorCount,
            int warningCount,
            Person claimedBy,
            OffsetDateTime claimedAt,
            OffsetDateTime submittedAt,
            OffsetDateTime validatedAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String etag) {}

    /**
     * A page of cases.
     *
     * @param total         the number of cases matching every filter
     * @param countsByState per state, the number of cases matching every filter but {@code state} (for tabs)
     */
    public record CasePage(
            List<CaseSummary> items,
            int page,
            int size,
            long total,
            int totalPages,
            String sort,
            Map<State, Long> countsByState) {}

    /** The county's decision (approve or return). */
    public record Decision(
            ReviewDecided.Decision decision, Person decidedBy, OffsetDateTime decidedAt, String comment) {}

    public record Publication(String publicUrl, String archiveId, OffsetDateTime publishedAt) {}

    /** A warning an approval must acknowledge, in the form the approve request names it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WarningKey(String findingCode, String row, String column) {}

    /** The previous version of the same report, for comparison. */
    public record PreviousVersion(
            String caseId,
            int version,
            State state,
            OffsetDateTime validatedAt,
            List<Finding> findings,
            AnnualReport report) {}

    /**
     * Last year's approved report of the same township, for comparison; {@code history} when it was loaded from the
     * published document (no case, version 0).
     */
    public record LastYearApproved(
            String caseId,
            String reportId,
            int year,
            int version,
            OffsetDateTime approvedAt,
            boolean history,
            AnnualReport report) {}

    /**
     * One case with everything a reviewer needs to decide.
     *
     * @param allowedActions         what the caller may do now: claim, release, approve, return (empty for readers)
     * @param warningsToAcknowledge  the warnings an approval must acknowledge
     * @param reading                how the version was read from the township's document (notes, each cell's
     *                               provenance); empty when it came as JSON
     */
    public record CaseDetail(
            String id,
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            String countyName,
            int year,
            State state,
            String stateLabel,
            boolean passed,
            int errorCount,
            int warningCount,
            Person claimedBy,
            OffsetDateTime claimedAt,
            OffsetDateTime submittedAt,
            OffsetDateTime validatedAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String etag,
            List<String> allowedActions,
            List<Finding> findings,
            List<WarningKey> warningsToAcknowledge,
            AnnualReport report,
            Cases.DocumentReading reading,
            Decision decision,
            List<ReviewDecided.Acknowledgement> acknowledgements,
            Publication publication,
            String supersededBy,
            PreviousVersion previousVersion,
            LastYearApproved lastYearApproved) {}

    /** The audit trail of a case, oldest first. */
    public record AuditTrail(String caseId, List<ReviewDecided.AuditEntry> entries) {}

    /** Body of {@code POST /cases/{id}/approve}. */
    public record ApproveRequest(String comment, List<AcknowledgementRequest> acknowledgements) {}

    /** One acknowledged warning: its finding code, and its row and column where the warning has them. */
    public record AcknowledgementRequest(String findingCode, String row, String column, String note) {}

    /** Body of {@code POST /cases/{id}/return}. */
    public record ReturnRequest(String comment) {}
}
