package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored version of a report, with its current state as the other services reported it, and for an imported
 * document where each cell came from.
 */
public record ReportVersion(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        VersionState state,
        SubmissionSource source,
        AnnualReport report,
        List<String> importNotes,
        List<Finding> findings,
        String reviewComment,
        String publicUrl,
        OffsetDateTime submittedAt,
        String submittedBy,
        OffsetDateTime updatedAt,
        List<CellSource> provenance) {
    public ReportVersion {
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }
}
