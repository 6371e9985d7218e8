package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.model.AnnualReport;

import java.util.List;

/**
 * What the importer read from a document: the report, the warnings a person should look at (a table row the
 * document lacks, an extra cell whose every reading gives the same values, …), and the format it was read as.
 */
public record ImportResult(AnnualReport report, List<ImportNote> notes, DocumentFormat format) {
    public ImportResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ImportResult(AnnualReport report, List<ImportNote> notes) {
        this(report, notes, null);
    }

    ImportResult as(DocumentFormat f) {
        return new ImportResult(report, notes, f);
    }
}
