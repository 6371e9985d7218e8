package cn.gov.disclosure.review.api;

import cn.gov.disclosure.review.cases.ReviewCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The case list as an Excel workbook: one row per case under Chinese headers, states in words, times in Beijing time;
 * a last line says when the filters matched more cases than the workbook holds.
 */
final class CaseListWorkbook {

    static final List<String> HEADERS = List.of(
            "案件编号", "乡镇（街道）", "乡镇代码", "报告年度", "版本", "状态", "错误", "警告", "报送时间", "校验时间", "认领人", "决定人", "决定时间", "审核意见");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private CaseListWorkbook() {}

    static byte[] of(List<ReviewCase> cases, long total) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("审核案件");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                text(head, i, HEADERS.get(i), bold);
            }
            int r = 1;
            for (ReviewCase c : cases) {
                Row row = sheet.createRow(r++);
                text(row, 0, c.id(), null);
                text(row, 1, c.organisationName(), null);
                text(row, 2, c.organisationCode(), null);
                row.createCell(3).setCellValue(c.year());
                row.createCell(4).setCellValue(c.version());
                text(row, 5, c.state().labelZh(), null);
                row.createCell(6).setCellValue(c.errorCount());
                row.createCell(7).setCellValue(c.warningCount());
                text(row, 8, time(c.submittedAt()), null);
                text(row, 9, time(c.validatedAt()), null);
                text(row, 10, c.claimedByName() != null ? c.claimedByName() : c.claimedBy(), null);
                text(row, 11, c.decidedByName() != null ? c.decidedByName() : c.decidedBy(), null);
                text(row, 12, time(c.decidedAt()), null);
                text(row, 13, c.decisionComment(), null);
            }
            if (total > cases.size()) {
                text(sheet.createRow(r + 1), 0, "共有 " + total + " 个案件符合条件，此表列出前 " + cases.size() + " 个，请缩小筛选范围", bold);
            }
            int[] widths = {26, 28, 12, 10, 8, 14, 8, 8, 18, 18, 14, 14, 18, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
