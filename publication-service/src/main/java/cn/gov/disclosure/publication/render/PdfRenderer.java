package cn.gov.disclosure.publication.render;

import cn.gov.disclosure.publication.render.ReportView.CellKind;
import cn.gov.disclosure.publication.render.ReportView.SectionView;
import cn.gov.disclosure.publication.render.ReportView.TableCell;
import cn.gov.disclosure.publication.render.ReportView.TableView;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The PDF of the same page with Apache PDFBox: A4, the CJK TrueType font embedded (subset, Type 0 / Identity-H, so
 * the text can be extracted and searched), simple line wrapping, ruled tables with the merged cells of the template;
 * a table split by a page break repeats its column header. The same input gives the same bytes (fixed document id,
 * creation date = approval time), so a retry sends the portal the same request.
 */
public final class PdfRenderer implements AutoCloseable {

    private static final float MARGIN_X = 56;
    private static final float MARGIN_TOP = 60;
    private static final float MARGIN_BOTTOM = 56;
    private static final float TITLE_SIZE = 17;
    private static final float HEADING_SIZE = 13;
    private static final float TEXT_SIZE = 10.5f;
    private static final float TEXT_LEADING = 17;
    private static final float TABLE_SIZE = 7.5f;
    private static final float TABLE_LEADING = 9.6f;
    private static final float PAD = 2.6f;
    private static final float LINE_WIDTH = 0.6f;

    private final Path fontPath;
    private final String fontName;
    /** The parsed font, opened on first use and kept: parsing a 5 MB collection per document is slow. */
    private FontSource source;

    /**
     * @param fontPath a TrueType font (.ttf) or collection (.ttc) with the CJK glyphs
     * @param fontName for a collection, the font's PostScript name (null: the first font of the collection)
     */
    public PdfRenderer(Path fontPath, String fontName) {
        this.fontPath = fontPath;
        this.fontName = fontName == null || fontName.isBlank() ? null : fontName;
    }

    public Path fontPath() {
        return fontPath;
    }

    /**
     * Renders one document. Serialised: the shared font is read while each document is saved (subsetting), and
     * fontbox's parsed fonts are not thread-safe.
     */
    public synchronized byte[] render(ReportView view, String documentId, OffsetDateTime createdAt) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, font(), true);
            Writer w = new Writer(doc, font);
            w.document(view);
            w.finish();
            String subject = "政府信息公开工作年度报告 " + view.year() + " 第" + view.version() + "版";
            Calendar created = null;
            if (createdAt != null) {
                created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
                created.setTimeInMillis(createdAt.toInstant().toEpochMilli());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(view.title());
            info.setAuthor(view.organisationName());
            info.setSubject(subject);
            info.setCreator(CREATOR);
            info.setProducer(PRODUCER);
            if (created != null) {
                info.setCreationDate(created);
            }
            archival(doc, view, subject, created);
            byte[] id = md5(documentId == null ? view.title() + "/" + view.version() : documentId);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            // a classic cross-reference table, no object streams: PDF/A-1 (PDF 1.4) allows no /XRef streams
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of " + view.title(), e);
        }
    }

    /** PDF/A's conformance, as the archive records it (bag-info.txt). */
    public static final String CONFORMANCE = "PDF/A-1b";

    private static final String CREATOR = "publication-service";
    private static final String PRODUCER = "publication-service (Apache PDFBox)";

    /**
     * Makes the document PDF/A-1b (ISO 19005-1, level B), for the archive: the fonts are embedded already (subsets of
     * the CJK font); here the XMP metadata repeating the document information (title, author, subject, creator tool,
     * producer, creation date) with the PDF/A identification, the sRGB output intent the colours are meant in, and the
     * document's language (zh-CN) with its title shown in the window. Checked by PDFBox's preflight in the tests.
     */
    private static void archival(PDDocument doc, ReportView view, String subject, Calendar created) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("zh-CN");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(view.title());
            if (view.organisationName() != null) {
                dc.addCreator(view.organisationName());
            }
            dc.setDescription(subject);
            dc.addLanguage("zh-CN");
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(CREATOR);
            if (created != null) {
                basic.setCreateDate(created);
            }
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(1);
            id.setConformance("B");
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xml.toByteArray());
            catalog.setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IOException("cannot write the document's XMP metadata", e);
        }
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb.getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private TrueTypeFont font() throws IOException {
        if (source == null) {
            if (!Files.isReadable(fontPath)) {
                throw new IllegalStateException(
                        "PDF font not found: " + fontPath + " (install fonts-wqy-microhei or set pdf.font.path)");
            }
            source = FontSource.open(fontPath, fontName);
        }
        return source.font();
    }

    @Override
    public synchronized void close() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                // closing a read-only file
            }
            source = null;
        }
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TrueType font opened from a file or a collection; stays open until the document is saved (subsetting). */
    private static final class FontSource implements Closeable {
        private final Closeable owner;
        private final TrueTypeFont font;

        private FontSource(Closeable owner, TrueTypeFont font) {
            this.owner = owner;
            this.font = font;
        }

        static FontSource open(Path path, String name) throws IOException {
            String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (file.endsWith(".ttc") || file.endsWith(".otc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
                try {
                    TrueTypeFont[] chosen = new TrueTypeFont[1];
                    if (name != null) {
                        chosen[0] = ttc.getFontByName(name);
                    }
                    if (chosen[0] == null) {
                        ttc.processAllFonts(f -> {
                            if (chosen[0] == null) {
                                chosen[0] = f;
                            }
                        });
                    }
                    if (chosen[0] == null) {
                        throw new IOException("no font in " + path);
                    }
                    return new FontSource(ttc, chosen[0]);
                } catch (IOException | RuntimeException e) {
                    ttc.close();
                    throw e;
                }
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            return new FontSource(ttf, ttf);
        }

        TrueTypeFont font() {
            return font;
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    /** Draws page after page, top to bottom. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN_X;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void document(ReportView view) throws IOException {
            newPage();
            for (String line : balanced(view.title(), TITLE_SIZE, width * 0.86f)) {
                centred(line, TITLE_SIZE);
                y -= TITLE_SIZE * 1.55f;
            }
            y -= 4;
            centred(view.organisationName() + "　" + view.year() + "年度", TEXT_SIZE);
            y -= TEXT_LEADING * 1.6f;
            for (SectionView s : view.sections()) {
                ensure(HEADING_SIZE * 2 + TEXT_LEADING * 2);
                y -= 6;
                for (String line : wrap(s.heading(), HEADING_SIZE, width)) {
                    text(line, MARGIN_X, y, HEADING_SIZE);
                    y -= HEADING_SIZE * 1.7f;
                }
                for (String p : s.paragraphs()) {
                    paragraph(p);
                }
                if (s.table() != null) {
                    table(s.table());
                }
                y -= 6;
            }
            y -= 10;
            String footer = "依据" + view.template().notice() + "格式编制　第 " + view.version() + " 版"
                    + (view.approvedOn() == null ? "" : "　" + view.approvedOn() + "审核通过");
            ensure(TEXT_LEADING);
            text(footer, MARGIN_X + width - width(footer, 8), y, 8);
        }

        // -------------------------------------------------------------------------------------------- text

        private void paragraph(String p) throws IOException {
            float indent = 2 * width("国", TEXT_SIZE);
            List<String> lines = wrap(p, TEXT_SIZE, width, indent);
            for (int i = 0; i < lines.size(); i++) {
                ensure(TEXT_LEADING);
                text(lines.get(i), MARGIN_X + (i == 0 ? indent : 0), y, TEXT_SIZE);
                y -= TEXT_LEADING;
            }
            y -= 2;
        }

        private void centred(String s, float size) throws IOException {
            text(s, MARGIN_X + (width - width(s, size)) / 2, y, size);
        }

        private void text(String s, float x, float baseline, float size) throws IOException {
            String safe = safe(s);
            if (safe.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline - size);
            cs.showText(safe);
            cs.endText();
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(safe(s)) / 1000f * size;
        }

        private List<String> wrap(String s, float size, float maxWidth) throws IOException {
            return wrap(s, size, maxWidth, 0);
        }

        /** Breaks between characters (Chinese has no spaces); keeps Latin words whole where they fit on a line. */
        private List<String> wrap(String s, float size, float maxWidth, float firstIndent) throws IOException {
            List<String> lines = new ArrayList<>();
            String text = safe(s);
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float limit = maxWidth - firstIndent;
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000f * size;
                if (lineWidth + w > limit && line.length() > 0 && !hangs(cp)) {
                    int cut = wordBreak(line);
                    if (cut > 0 && cut < line.length()) {
                        lines.add(line.substring(0, cut).stripTrailing());
                        String rest = line.substring(cut);
                        line = new StringBuilder(rest);
                        lineWidth = font.getStringWidth(rest) / 1000f * size;
                    } else {
                        lines.add(line.toString().stripTrailing());
                        line = new StringBuilder();
                        lineWidth = 0;
                    }
                    limit = maxWidth;
                    if (line.length() == 0 && cp == ' ') {
                        i += Character.charCount(cp);
                        continue;
                    }
                }
                line.append(ch);
                lineWidth += w;
                i += Character.charCount(cp);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Closing punctuation never starts a line: it may hang into the margin instead (避头尾). */
        private static boolean hangs(int cp) {
            return "，。、；：？！）》」』”’〉】,.;:?!)%".indexOf(cp) >= 0;
        }

        /** A title over several lines of about equal length, rather than a last line of one character. */
        private List<String> balanced(String s, float size, float maxWidth) throws IOException {
            List<String> lines = wrap(s, size, maxWidth);
            if (lines.size() < 2) {
                return lines;
            }
            String text = safe(s);
            int per = (int) Math.ceil(text.codePointCount(0, text.length()) / (double) lines.size());
            List<String> out = new ArrayList<>();
            int[] cps = text.codePoints().toArray();
            for (int i = 0; i < cps.length; i += per) {
                out.add(new String(cps, i, Math.min(per, cps.length - i)));
            }
            return out;
        }

        /** Where a line ending inside a Latin word should break instead (after the last space), or -1. */
        private static int wordBreak(StringBuilder line) {
            char last = line.charAt(line.length() - 1);
            if (!isWordChar(last)) {
                return -1;
            }
            for (int k = line.length() - 1; k > 0; k--) {
                char c = line.charAt(k);
                if (c == ' ') {
                    return k + 1 > line.length() / 3 ? k + 1 : -1;
                }
                if (!isWordChar(c)) {
                    return -1;
                }
            }
            return -1;
        }

        private static boolean isWordChar(char c) {
            return c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/');
        }

        /** The text with what the font cannot draw replaced: tabs by spaces, control characters dropped, ? for no glyph. */
        private String safe(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 && !has(cp)) {
                    b.append(' ');
                } else if (cp < 0x20 || cp == 0x7f) {
                    // dropped
                } else if (has(cp)) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        private boolean has(int cp) {
            return glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return font.getStringWidth(new String(Character.toChars(c))) >= 0;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }

        // -------------------------------------------------------------------------------------------- pages

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            cs.setLineWidth(LINE_WIDTH);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM) {
                newPage();
            }
        }

        /** Closes the last page and numbers every page. */
        void finish() throws IOException {
            cs.close();
            int total = doc.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream p =
                        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String n = "— " + (i + 1) + " / " + total + " —";
                    float w = font.getStringWidth(safe(n)) / 1000f * 8;
                    p.beginText();
                    p.setFont(font, 8);
                    p.newLineAtOffset((PDRectangle.A4.getWidth() - w) / 2, MARGIN_BOTTOM / 2);
                    p.showText(safe(n));
                    p.endText();
                }
            }
        }

        // -------------------------------------------------------------------------------------------- tables

        private void table(TableView t) throws IOException {
            float[] colW = columnWidths(t);
            float[] colX = new float[colW.length + 1];
            colX[0] = MARGIN_X;
            for (int c = 0; c < colW.length; c++) {
                colX[c + 1] = colX[c] + colW[c];
            }
            Map<TableCell, List<String>> lines = new HashMap<>();
            float[] rowH = new float[t.rowCount()];
            Arrays.fill(rowH, TABLE_LEADING + 2 * PAD);
            for (TableCell c : t.cells()) {
                float w = colX[c.col() + c.colspan()] - colX[c.col()] - 2 * PAD;
                List<String> l = wrap(c.text(), TABLE_SIZE, w);
                lines.put(c, l);
                if (c.rowspan() == 1) {
                    rowH[c.row()] = Math.max(rowH[c.row()], l.size() * TABLE_LEADING + 2 * PAD);
                }
            }
            for (TableCell c : t.cells()) {
                if (c.rowspan() > 1) {
                    float need = lines.get(c).size() * TABLE_LEADING + 2 * PAD;
                    float have = 0;
                    for (int r = c.row(); r < c.row() + c.rowspan(); r++) {
                        have += rowH[r];
                    }
                    if (have < need) {
                        float add = (need - have) / c.rowspan();
                        for (int r = c.row(); r < c.row() + c.rowspan(); r++) {
                            rowH[r] += add;
                        }
                    }
                }
            }
            // pieces: consecutive rows per page, the column header repeated on each later page
            float headerH = 0;
            for (int r = 0; r < t.headerRows(); r++) {
                headerH += rowH[r];
            }
            y -= 4;
            float firstNeed = headerH
                    + (t.rowCount() > t.headerRows() ? rowH[Math.min(t.headerRows(), t.rowCount() - 1)] * 3 : 0);
            ensure(Math.min(firstNeed, PDRectangle.A4.getHeight() - MARGIN_TOP - MARGIN_BOTTOM));
            List<Integer> piece = new ArrayList<>();
            float used = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                if (y - used - rowH[r] < MARGIN_BOTTOM
                        && !piece.isEmpty()
                        && piece.get(piece.size() - 1) >= t.headerRows()) {
                    drawPiece(t, piece, rowH, colX, lines);
                    newPage();
                    piece = new ArrayList<>();
                    used = 0;
                    for (int h = 0; h < t.headerRows(); h++) {
                        piece.add(h);
                        used += rowH[h];
                    }
                }
                piece.add(r);
                used += rowH[r];
            }
            drawPiece(t, piece, rowH, colX, lines);
            y -= 8;
        }

        /** Draws the rows of one page; a merged cell cut by the page break is drawn on both pages. */
        private void drawPiece(
                TableView t, List<Integer> rows, float[] rowH, float[] colX, Map<TableCell, List<String>> lines)
                throws IOException {
            Map<Integer, Float> top = new HashMap<>();
            float cursor = y;
            for (int r : rows) {
                top.put(r, cursor);
                cursor -= rowH[r];
            }
            for (TableCell c : t.cells()) {
                int first = -1;
                int last = -1;
                for (int r = c.row(); r < c.row() + c.rowspan(); r++) {
                    if (top.containsKey(r)) {
                        if (first < 0) {
                            first = r;
                        }
                        last = r;
                    }
                }
                if (first < 0) {
                    continue;
                }
                float x0 = colX[c.col()];
                float x1 = colX[c.col() + c.colspan()];
                float yTop = top.get(first);
                float yBottom = top.get(last) - rowH[last];
                if (c.isHeader()) {
                    cs.setNonStrokingColor(0.94f, 0.94f, 0.94f);
                    cs.addRect(x0, yBottom, x1 - x0, yTop - yBottom);
                    cs.fill();
                    cs.setNonStrokingColor(0f, 0f, 0f);
                }
                cs.addRect(x0, yBottom, x1 - x0, yTop - yBottom);
                cs.stroke();
                List<String> l = lines.get(c);
                float textH = l.size() * TABLE_LEADING;
                float lineTop = yTop - Math.max(PAD, (yTop - yBottom - textH) / 2);
                boolean left = c.kind() == CellKind.ROW_HEADER
                        || c.kind() == CellKind.CORNER
                        || c.kind() == CellKind.GROUP && t.layout() == ReportView.Layout.MATRIX && c.colspan() == 1;
                for (String s : l) {
                    float w = width(s, TABLE_SIZE);
                    float x = left ? x0 + PAD : x0 + (x1 - x0 - w) / 2;
                    text(s, x, lineTop - (TABLE_LEADING - TABLE_SIZE) / 2, TABLE_SIZE);
                    lineTop -= TABLE_LEADING;
                }
            }
            y = cursor;
        }

        /** Label columns wider than value columns; the last label column (the rows' own labels) widest. */
        private float[] columnWidths(TableView t) {
            int n = t.columnCount();
            float[] w = new float[n];
            int labels = t.rowHeaderColumns();
            if (labels == 0) {
                Arrays.fill(w, width / n);
                return w;
            }
            float labelShare = t.layout() == ReportView.Layout.GROUPED ? 0.34f : 0.46f;
            float weights = labels - 1 + 2.4f;
            for (int c = 0; c < labels; c++) {
                w[c] = width * labelShare * (c == labels - 1 ? 2.4f : 1f) / weights;
            }
            for (int c = labels; c < n; c++) {
                w[c] = width * (1 - labelShare) / (n - labels);
            }
            return w;
        }
    }
}
