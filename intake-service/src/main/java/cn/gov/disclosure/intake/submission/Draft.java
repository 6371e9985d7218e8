package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A township's unfinished report of a year, as the workspace holds it (the report as far as it is filled, the
 * importer's notes and each cell's provenance when it came from a document). Not a version: no event, no county.
 */
public record Draft(
        String organisationCode,
        int year,
        AnnualReport report,
        List<String> importNotes,
        List<CellSource> provenance,
        OffsetDateTime savedAt,
        String savedBy) {
    public Draft {
        importNotes = importNotes == null ? List.of() : List.copyOf(importNotes);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }
}
