package cn.gov.disclosure.intake.importer;

/**
 * One line of the document in the importer's line model: a paragraph, or a table row with its cells separated by
 * tabs (the form Word gives a table copied as text).
 *
 * @param number the 1-based line number the notes and problems name
 * @param text   the line as written
 * @param page   the page the line stands on (PDF), or {@code null}
 */
record SourceLine(int number, String text, Integer page) {

    SourceLine(int number, String text) {
        this(number, text, null);
    }
}
