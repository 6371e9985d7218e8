package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An earlier year's published report of an organisation, loaded by a province administrator from the document the
 * organ published (the portal's PDF or page, the Word file) through the importer: the organisation's report of that
 * year for the services that need last year's (validation's cross-year checks, the reviewers' comparison, the
 * township's pre-filled draft), as an approval would give it. It never replaces a report approved in the platform.
 *
 * @param reportId     {@code <organisation>-<year>}, as the platform's report of that year
 * @param version      always 0: history, not a version submitted in the platform
 * @param sourceName   the document's file name as loaded
 * @param sourceSha256 the document's SHA-256 (intake keeps the document)
 * @param importNotes  what the importer asks a person to look at (Chinese)
 */
public record HistoryImported(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        AnnualReport report,
        String sourceName,
        String sourceSha256,
        List<String> importNotes,
        String importedBy,
        OffsetDateTime importedAt)
        implements EventPayload {

    public HistoryImported {
        importNotes = importNotes == null ? List.of() : List.copyOf(importNotes);
    }
}
