package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import java.util.List;

/**
 * What the importer read from a document: the report, the warnings a person should look at (a table row the
 * document lacks, an extra cell whose every reading gives the same values, …), the format it was read as, and where
 * each cell came from ({@link CellSource}: page, line, raw text, how it was read — also for the cells left blank).
 */
public record ImportResult(
        AnnualReport report, List<ImportNote> notes, DocumentFormat format, List<CellSource> provenance) {
    public ImportResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    ImportResult as(DocumentFormat f) {
        return new ImportResult(report, notes, f, provenance);
    }
}
