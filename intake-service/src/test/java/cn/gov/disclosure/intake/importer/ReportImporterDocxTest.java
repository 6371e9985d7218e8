package cn.gov.disclosure.intake.importer;

import static cn.gov.disclosure.intake.importer.ImporterTestSupport.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Word files built here with POI — paragraphs and real tables, merged cells included — read like the text. */
class ReportImporterDocxTest {

    private final ReportImporter importer = new ReportImporter();

    // ------------------------------------------------------------------ from the seeds' lines

    @Test
    void aWordFileOfSeed000Gives2019GoldenReport() throws IOException {
        ImportResult result = importer.importDocx(new ByteArrayInputStream(docxFromLines(GoldenSeeds.seedText(0))));

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(0));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void aWordFileOfSeed004Gives2021GoldenReportWithItsWarnings() throws IOException {
        String seed = GoldenSeeds.seedText(4);

        ImportResult result = importer.importDocx(new ByteArrayInputStream(docxFromLines(seed)));

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(4));
        assertThat(result.notes())
                .extracting(ImportNote::row)
                .containsExactly("resultTotal", "carriedForward", "reviewsAndLitigation");
        // one line per paragraph and per table row: the same numbering as the text
        assertThat(result.notes().get(0).line()).isEqualTo(ImporterTestSupport.lineOf(seed, "(七) 总计"));
    }

    /**
     * Each run of tab-separated lines becomes one Word table (a row per line, a cell per tab-separated cell), every
     * other line a paragraph.
     */
    static byte[] docxFromLines(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines(text)) {
                if (line.contains("\t")) {
                    rows.add(List.of(line.split("\t", -1)));
                    continue;
                }
                if (!rows.isEmpty()) {
                    table(doc, rows);
                    rows.clear();
                }
                doc.createParagraph().createRun().setText(line);
            }
            if (!rows.isEmpty()) {
                table(doc, rows);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable();
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            List<String> cells = rows.get(r);
            while (row.getTableCells().size() < cells.size()) {
                row.addNewTableCell();
            }
            while (row.getTableCells().size() > cells.size()) {
                row.removeCell(row.getTableCells().size() - 1);
            }
            for (int c = 0; c < cells.size(); c++) {
                row.getCell(c).setText(cells.get(c));
            }
        }
    }

    // ------------------------------------------------------------------ from the golden model, as Word lays it out

    @Test
    void aWordFileWithMergedCellsBuiltFromGolden002GivesThatReport() throws IOException {
        AnnualReport golden = GoldenSeeds.load(2);

        ImportResult result = importer.importDocx(new ByteArrayInputStream(docxFromReport(golden)));

        assertThat(result.report()).isEqualTo(golden);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void aWordFileWithMergedCellsBuiltFromGolden001GivesThatReport() throws IOException {
        AnnualReport golden = GoldenSeeds.load(1);

        ImportResult result = importer.importDocx(new ByteArrayInputStream(docxFromReport(golden)));

        assertThat(result.report()).isEqualTo(golden);
    }

    /** The report as a township's Word file: title, headings, narrative paragraphs, the three tables with merges. */
    static byte[] docxFromReport(AnnualReport report) throws IOException {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(report.title());
            for (Section section : report.sections()) {
                doc.createParagraph().createRun().setText(section.heading());
                for (TableId id : TableId.values()) {
                    if (id.section() == section.key() && report.table(id) != null) {
                        TableDef def = TemplateCatalogue.table(report.template(), id);
                        switch (id) {
                            case ACTIVE_DISCLOSURE -> table2(doc, def, report.table(id));
                            case APPLICATIONS -> table3(doc, def, report.table(id));
                            case REVIEWS_AND_LITIGATION -> table4(doc, def, report.table(id));
                        }
                    }
                }
                if (!section.text().isEmpty()) {
                    for (String line : section.text().split("\n")) {
                        doc.createParagraph().createRun().setText(line);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Per article item: a merged item row, the header row (信息内容 + columns), the rows. */
    private static void table2(XWPFDocument doc, TableDef def, ReportTable values) {
        Grid grid = new Grid(doc, 4);
        Map<String, List<RowDef>> items = new LinkedHashMap<>();
        def.rows()
                .forEach(r -> items.computeIfAbsent(r.path().get(0), k -> new ArrayList<>())
                        .add(r));
        items.forEach((item, rows) -> {
            grid.row().cell(item, 4, null);
            Grid header = grid.row().cell("信息内容", 1, null);
            rows.get(0).columns().forEach(c -> header.cell(c.label(), 1, null));
            header.fill();
            for (RowDef row : rows) {
                Grid data = grid.row().cell(row.label(), 1, null);
                row.columns().forEach(c -> data.cell(text(values, row, c), 1, null));
                data.fill();
            }
        });
    }

    /** Three header rows (corner note, 申请人情况, 法人或其他组织), three label columns merged as the template has them. */
    private static void table3(XWPFDocument doc, TableDef def, ReportTable values) {
        List<ColumnDef> columns = def.columns();
        Grid grid = new Grid(doc, 3 + columns.size());
        grid.row().cell(def.cornerNote(), 3, STMerge.RESTART).cell("申请人情况", columns.size(), null);
        Grid second = grid.row()
                .cell("", 3, STMerge.CONTINUE)
                .cell(columns.get(0).label(), 1, STMerge.RESTART)
                .cell("法人或其他组织", columns.size() - 2, null);
        second.cell(columns.get(columns.size() - 1).label(), 1, STMerge.RESTART);
        Grid third = grid.row().cell("", 3, STMerge.CONTINUE).cell("", 1, STMerge.CONTINUE);
        columns.subList(1, columns.size() - 1).forEach(c -> third.cell(c.label(), 1, null));
        third.cell("", 1, STMerge.CONTINUE);
        String group = null;
        boolean firstResult = true;
        for (RowDef row : def.rows()) {
            Grid data = grid.row();
            if (row.path().isEmpty()) {
                data.cell(row.label(), 3, null);
            } else {
                data.cell(firstResult ? row.path().get(0) : "", 1, firstResult ? STMerge.RESTART : STMerge.CONTINUE);
                firstResult = false;
                if (row.path().size() == 1) {
                    data.cell(row.label(), 2, null);
                    group = null;
                } else {
                    String g = row.path().get(1);
                    data.cell(g.equals(group) ? "" : g, 1, g.equals(group) ? STMerge.CONTINUE : STMerge.RESTART);
                    data.cell(row.label(), 1, null);
                    group = g;
                }
            }
            row.columns().forEach(c -> data.cell(text(values, row, c), 1, null));
        }
    }

    /** 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), the column labels, one row of fifteen numbers. */
    private static void table4(XWPFDocument doc, TableDef def, ReportTable values) {
        List<ColumnDef> columns = def.columns();
        int n = columns.size();
        Grid grid = new Grid(doc, 3 * n);
        grid.row()
                .cell(def.rows().get(0).label(), n, null)
                .cell(def.rows().get(1).path().get(0), 2 * n, null);
        Grid second = grid.row();
        columns.forEach(c -> second.cell(c.label(), 1, STMerge.RESTART));
        second.cell(def.rows().get(1).label(), n, null).cell(def.rows().get(2).label(), n, null);
        Grid third = grid.row();
        columns.forEach(c -> third.cell("", 1, STMerge.CONTINUE));
        for (int k = 0; k < 2; k++) {
            columns.forEach(c -> third.cell(c.label(), 1, null));
        }
        Grid data = grid.row();
        for (RowDef row : def.rows()) {
            row.columns().forEach(c -> data.cell(text(values, row, c), 1, null));
        }
    }

    private static String text(ReportTable values, RowDef row, ColumnDef column) {
        Cell cell = values.cell(row.key(), column.key()).orElseThrow();
        boolean unitInLabel = cell.unit() != null && column.label().contains(cell.unit());
        return cell.value().toPlainString() + (cell.unit() == null || unitInLabel ? "" : cell.unit());
    }

    /** Builds a Word table row by row; a cell may span grid columns and take part in a vertical merge. */
    private static final class Grid {
        private final XWPFTable table;
        private final int width;
        private XWPFTableRow row;
        private int used;
        private boolean first = true;

        Grid(XWPFDocument doc, int width) {
            this.table = doc.createTable();
            this.width = width;
        }

        Grid row() {
            row = first ? table.getRow(0) : table.createRow();
            while (row.getTableCells().size() > 0) {
                row.removeCell(0);
            }
            first = false;
            used = 0;
            return this;
        }

        Grid cell(String text, int span, STMerge.Enum vMerge) {
            XWPFTableCell cell = row.addNewTableCell();
            if (!text.isEmpty()) {
                cell.setText(text);
            }
            CTTcPr pr = cell.getCTTc().isSetTcPr()
                    ? cell.getCTTc().getTcPr()
                    : cell.getCTTc().addNewTcPr();
            if (span > 1) {
                pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            if (vMerge != null) {
                pr.addNewVMerge().setVal(vMerge);
            }
            used += span;
            return this;
        }

        Grid fill() {
            if (used < width) {
                cell("", width - used, null);
            }
            return this;
        }
    }

    // ------------------------------------------------------------------ not a .docx

    @Test
    void textIsNoDocx() {
        assertNotADocx("一、总体情况\n这是文本，不是 Word 文档。".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aZipThatIsNoWordFileIsNoDocx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("report.txt"));
            zip.write("不是 Word".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertNotADocx(out.toByteArray());
    }

    @Test
    void aTruncatedDocxIsNoDocx() throws IOException {
        byte[] docx = docxFromLines(GoldenSeeds.seedText(0));
        byte[] half = Arrays.copyOf(docx, docx.length / 2);
        assertNotADocx(half);
    }

    @Test
    void emptyInputIsNoDocx() {
        assertNotADocx(new byte[0]);
        assertThat(catchThrowableOfType(ImportException.class, () -> importer.importDocx(null)))
                .isNotNull();
    }

    @Test
    void aWordFileWithoutTablesIsNoReport() throws IOException {
        ImportException e = catchThrowableOfType(
                ImportException.class,
                () -> importer.importDocx(new ByteArrayInputStream(docxFromLines("某镇2021年政府信息公开工作年度报告\n一、总体情况\n略。"))));

        assertThat(e).isNotNull();
        assertThat(e.problems().get(0).messageEn()).contains("no report tables recognised");
    }

    private void assertNotADocx(byte[] bytes) {
        ImportException e =
                catchThrowableOfType(ImportException.class, () -> importer.importDocx(new ByteArrayInputStream(bytes)));
        assertThat(e).as("ImportException for %d bytes", bytes.length).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageZh()).contains(".docx");
            assertThat(p.messageEn()).contains("not a valid Word document");
        });
    }
}
