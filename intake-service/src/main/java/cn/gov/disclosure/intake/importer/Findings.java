package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.model.CellSource;
import java.util.ArrayList;
import java.util.List;

/** The notes and problems collected while one document is read. */
final class Findings {
    final List<ImportNote> notes = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    final List<CellSource> sources = new ArrayList<>();

    void note(Integer line, String row, String zh, String en) {
        notes.add(new ImportNote(line, row, zh, en, false));
    }

    /** A note that figures the document holds were left out (they could not be read unambiguously). */
    void unread(Integer line, String row, String zh, String en) {
        notes.add(new ImportNote(line, row, zh, en, true));
    }

    void addAll(Findings other) {
        notes.addAll(other.notes);
        problems.addAll(other.problems);
        sources.addAll(other.sources);
    }

    void source(String table, String row, String column, Integer line, String raw, CellSource.Reading reading) {
        sources.add(new CellSource(table, row, column, null, line, raw, reading));
    }

    void problem(Integer line, String row, List<String> cells, String zh, String en) {
        problems.add(new ImportProblem(line, row, cells, zh, en));
    }
}
