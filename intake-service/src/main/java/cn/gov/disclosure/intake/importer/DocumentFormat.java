package cn.gov.disclosure.intake.importer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of document the importer reads, told from the content (its first bytes), never only from what the
 * sender says it is.
 */
public enum DocumentFormat {
    TEXT("text", "文本（UTF-8、GB18030/GBK 或 UTF-16）"),
    HTML("html", "网页（HTML）"),
    PDF("pdf", "带文字层的 PDF"),
    DOCX("docx", "Word 文档（.docx）"),
    DOC("doc", "Word 97-2003 文档（.doc）");

    /** What a clerk is told the importer reads (for the 415 answer and the pages). */
    public static final String ACCEPTED_ZH = "Word 文档（.docx 或 .doc）、带文字层的 PDF、网页（HTML）或文本（UTF-8、GB18030/GBK、UTF-16）";

    public static final String ACCEPTED_EN =
            "a Word document (.docx or .doc), a PDF with a text layer, an HTML page or "
                    + "text (UTF-8, GB18030/GBK, UTF-16)";

    private final String code;
    private final String nameZh;

    DocumentFormat(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * The format of the document, from its bytes: a PDF's {@code %PDF} header, a ZIP container (.docx), an OLE2
     * compound file (.doc, but also .wps, .xls …: {@link DocLines} tells them apart), else text, which is HTML when
     * it starts like markup. Binary content that is none of these gives {@link UnsupportedDocumentException}.
     */
    public static DocumentFormat detect(byte[] bytes) {
        if (bytes.length >= 4 && startsWith(bytes, "%PDF".getBytes(StandardCharsets.US_ASCII), 1024)) {
            return PDF;
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return DOCX;
        }
        if (bytes.length >= 8
                && (bytes[0] & 0xff) == 0xD0
                && (bytes[1] & 0xff) == 0xCF
                && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            return DOC;
        }
        if (startsWith(bytes, "{\\rtf".getBytes(StandardCharsets.US_ASCII), 8)) {
            throw new UnsupportedDocumentException("RTF 格式文档");
        }
        if (looksBinary(bytes)) {
            throw new UnsupportedDocumentException(kindOf(bytes));
        }
        return TEXT;
    }

    /** Whether decoded text is an HTML page (or fragment) rather than plain text. */
    static boolean isHtml(String text) {
        int limit = Math.min(text.length(), 4096);
        String head = text.substring(0, limit).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<?xml") && head.contains("<html")) {
            return true;
        }
        String all = text.toLowerCase(Locale.ROOT);
        if (!head.startsWith("<")) {
            // a page's HTML kept inside a script or an archive's record: tables of cells, whatever stands around them
            // — unless what stands around them is lines of text with no other markup (Markdown with an HTML table:
            // read as text, TextLines reads the tables)
            return all.contains("</table>") && countOf(all, "<td") >= 20 && !textAroundTables(all);
        }
        return all.contains("<body") || all.contains("<table") || all.contains("<p") || all.contains("<div");
    }

    private static boolean textAroundTables(String lower) {
        String around = TABLE.matcher(lower).replaceAll("\n");
        return around.lines().filter(l -> !l.isBlank()).count() >= 10
                && !MARKUP.matcher(around).find();
    }

    private static final Pattern TABLE = Pattern.compile("(?s)<table.*?</table>");
    private static final Pattern MARKUP = Pattern.compile("<(p|div|span|br|td|tr|body|html|script|a)[\\s>/]");

    static int countOf(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int within) {
        outer:
        for (int at = 0; at + prefix.length <= Math.min(bytes.length, within); at++) {
            for (int j = 0; j < prefix.length; j++) {
                if (bytes[at + j] != prefix[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Control bytes other than tab, CR, LF and form feed in the first 8 KiB, and not UTF-16 (whose ASCII has zeros). */
    private static boolean looksBinary(byte[] bytes) {
        if (TextDecoder.utf16(bytes) != null) {
            return false;
        }
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control > 0 && control * 100 >= n; // a stray control character in a text file is not binary
    }

    private static String kindOf(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                || b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "图片";
        }
        if (b.length >= 4 && b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!'
                || b.length >= 2 && b[0] == '7' && b[1] == 'z'
                || b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return "压缩文件";
        }
        return "二进制文件";
    }
}
