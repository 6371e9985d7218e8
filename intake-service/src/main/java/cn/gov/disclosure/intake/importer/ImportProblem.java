package cn.gov.disclosure.intake.importer;

import java.util.List;

/**
 * Why the importer could not read the document.
 *
 * @param line      the line of the document, or {@code null} when the problem is about the whole document
 * @param row       the catalogue key of the table row concerned, the table's key, or {@code null}
 * @param cells     the cells concerned as written in the document (empty when none)
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
public record ImportProblem(Integer line, String row, List<String> cells, String messageZh, String messageEn) {
    public ImportProblem {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
