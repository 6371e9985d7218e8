package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The validation service checked a version: {@code passed} when no finding is an error. Carries the report, and what
 * the submission said of its reading (the importer's notes, each cell's provenance) for the county's reviewers.
 */
public record ReportValidated(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        OffsetDateTime submittedAt,
        boolean passed,
        List<Finding> findings,
        OffsetDateTime validatedAt,
        AnnualReport report,
        List<String> importNotes,
        List<CellSource> provenance)
        implements EventPayload {
    public ReportValidated {
        findings = findings == null ? List.of() : List.copyOf(findings);
        importNotes = importNotes == null ? List.of() : List.copyOf(importNotes);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    /** A version checked that came without a document (no notes, no provenance). */
    public ReportValidated(
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            int year,
            OffsetDateTime submittedAt,
            boolean passed,
            List<Finding> findings,
            OffsetDateTime validatedAt,
            AnnualReport report) {
        this(
                reportId,
                version,
                organisationCode,
                organisationName,
                countyCode,
                year,
                submittedAt,
                passed,
                findings,
                validatedAt,
                report,
                List.of(),
                List.of());
    }
}
