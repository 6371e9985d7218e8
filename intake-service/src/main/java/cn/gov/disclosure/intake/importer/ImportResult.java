package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.model.AnnualReport;

import java.util.List;

/**
 * What the importer read from a document: the report, and the warnings a person should look at (a table row the
 * document lacks, an extra cell whose every reading gives the same values, …).
 */
public record ImportResult(AnnualReport report, List<ImportNote> notes) {
    public ImportResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
