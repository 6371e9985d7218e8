package cn.gov.disclosure.review.api;

import cn.gov.disclosure.review.summary.SummaryView;
import cn.gov.disclosure.review.summary.TableSums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary as an Excel workbook: one sheet per table in the template's layout (the catalogue's rows down, its
 * columns across, 万元 for money), one sheet of the breakdown (每个单元格 by township or county), and one of the scope
 * (the members summed, the townships still missing, those left out and why). A figure without a total is left blank
 * and the breakdown sheet says why.
 */
final class SummaryWorkbook {

    private SummaryWorkbook() {}

    static byte[] of(SummaryView.Summary s) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            String title = s.year() + "年度" + s.scopeName() + (s.province() ? "汇总" : "全县汇总");
            for (TableSums.SummedTable t : s.sums().tables()) {
                Sheet sheet = book.createSheet("表" + t.id().section().numeral());
                int r = 0;
                text(sheet.createRow(r++), 0, title + " · " + t.title(), bold);
                r++;
                // each row its own columns (Table 2's rows differ); Tables 3 and 4 share one set, so one header row
                List<String> header = null;
                for (TableSums.SummedRow row : t.rows()) {
                    List<String> labels = row.cells().stream()
                            .map(c -> c.label() + (c.unit() == null ? "" : "（" + c.unit() + "）"))
                            .toList();
                    if (!labels.equals(header)) {
                        Row head = sheet.createRow(r++);
                        text(head, 0, "项目", bold);
                        for (int i = 0; i < labels.size(); i++) {
                            text(head, i + 1, labels.get(i), bold);
                        }
                        header = labels;
                    }
                    Row line = sheet.createRow(r++);
                    text(line, 0, row.label(), null);
                    for (int i = 0; i < row.cells().size(); i++) {
                        number(line, i + 1, row.cells().get(i).value());
                    }
                }
                sheet.setColumnWidth(0, 60 * 256);
                for (int i = 1; i < 12; i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
            }
            breakdown(book.createSheet(s.province() ? "分县明细" : "分乡镇明细"), s, bold);
            scope(book.createSheet("汇总范围"), s, bold);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void breakdown(Sheet sheet, SummaryView.Summary s, CellStyle bold) {
        List<SummaryView.MemberView> members = s.members();
        Row head = sheet.createRow(0);
        List<String> fixed = List.of("表", "项目", "栏目", "合计");
        for (int i = 0; i < fixed.size(); i++) {
            text(head, i, fixed.get(i), bold);
        }
        for (int i = 0; i < members.size(); i++) {
            text(head, fixed.size() + i, members.get(i).name(), bold);
        }
        text(head, fixed.size() + members.size(), "说明", bold);
        int r = 1;
        for (TableSums.SummedTable t : s.sums().tables()) {
            for (TableSums.SummedRow row : t.rows()) {
                for (TableSums.SummedCell c : row.cells()) {
                    Row line = sheet.createRow(r++);
                    text(line, 0, "表" + t.id().section().numeral(), null);
                    text(line, 1, row.label(), null);
                    text(line, 2, c.label() + (c.unit() == null ? "" : "（" + c.unit() + "）"), null);
                    number(line, 3, c.value());
                    for (int i = 0; i < c.byMember().size(); i++) {
                        number(line, fixed.size() + i, c.byMember().get(i));
                    }
                    if (c.value() == null) {
                        text(
                                line,
                                fixed.size() + members.size(),
                                String.join("、", c.stoppedBy()) + "：" + c.stoppedBecauseZh(),
                                null);
                    }
                }
            }
        }
        sheet.setColumnWidth(1, 50 * 256);
        sheet.setColumnWidth(2, 24 * 256);
    }

    private static void scope(Sheet sheet, SummaryView.Summary s, CellStyle bold) {
        int r = 0;
        text(sheet.createRow(r++), 0, "已汇总（" + s.members().size() + "）", bold);
        for (SummaryView.MemberView m : s.members()) {
            Row line = sheet.createRow(r++);
            text(line, 0, m.code(), null);
            text(line, 1, m.name(), null);
        }
        r++;
        text(sheet.createRow(r++), 0, "尚无审核通过的报告（" + s.missing().size() + "）", bold);
        for (SummaryView.Missing m : s.missing()) {
            Row line = sheet.createRow(r++);
            text(line, 0, m.code(), null);
            text(line, 1, m.name(), null);
            text(line, 2, m.countyName(), null);
        }
        if (!s.sums().leftOut().isEmpty()) {
            r++;
            text(sheet.createRow(r++), 0, "未纳入汇总（" + s.sums().leftOut().size() + "）", bold);
            for (TableSums.LeftOut m : s.sums().leftOut()) {
                Row line = sheet.createRow(r++);
                text(line, 0, m.code(), null);
                text(line, 1, m.name(), null);
                text(line, 2, m.reasonZh(), null);
            }
        }
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(2, 60 * 256);
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
