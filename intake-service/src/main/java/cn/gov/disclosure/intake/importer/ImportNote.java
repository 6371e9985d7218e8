package cn.gov.disclosure.intake.importer;

/**
 * A warning of the importer: the document was read, but something in it deserves a look.
 *
 * @param line      the line of the document (text: the line number; .docx: the line of the converted document, one
 *                  line per paragraph or table row), or {@code null} when the note is about the whole document
 * @param row       the catalogue key of the table row concerned (e.g. {@code resultTotal}), the table's key
 *                  (e.g. {@code reviewsAndLitigation}) when the note is about a whole table, or {@code null}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 * @param unread    figures the document holds were left out because they could not be read unambiguously (the
 *                  report lacks them; a person must fill them in from the document)
 */
public record ImportNote(Integer line, String row, String messageZh, String messageEn, boolean unread) {

    /** As stored with a version and sent in its events: the line, the Chinese and the English message. */
    public String describe() {
        return (line == null ? "" : "第 " + line + " 行：") + messageZh + " / "
                + (line == null ? "" : "line " + line + ": ") + messageEn;
    }
}
