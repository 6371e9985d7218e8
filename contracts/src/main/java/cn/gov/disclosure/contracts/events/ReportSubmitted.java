package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A township submitted version {@code version} of its report.
 *
 * @param organisationCode the submitting township's code (from the submitter's token)
 * @param countyCode       the six-digit GB/T 2260 code of the township's county
 * @param importNotes      what the importer noticed when the report came as a document (e.g. an extra cell read as empty)
 * @param provenance       where each cell came from in the document and how it was read (and which ones the clerk
 *                         changed); empty for a report sent as JSON
 */
public record ReportSubmitted(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        OffsetDateTime submittedAt,
        String submittedBy,
        AnnualReport report,
        List<String> importNotes,
        List<CellSource> provenance)
        implements EventPayload {
    public ReportSubmitted {
        importNotes = importNotes == null ? List.of() : List.copyOf(importNotes);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    /** A report submitted without a document's provenance. */
    public ReportSubmitted(
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            int year,
            OffsetDateTime submittedAt,
            String submittedBy,
            AnnualReport report,
            List<String> importNotes) {
        this(
                reportId,
                version,
                organisationCode,
                organisationName,
                countyCode,
                year,
                submittedAt,
                submittedBy,
                report,
                importNotes,
                List.of());
    }
}
