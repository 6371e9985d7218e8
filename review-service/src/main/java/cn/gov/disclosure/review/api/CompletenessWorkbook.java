package cn.gov.disclosure.review.api;

import cn.gov.disclosure.review.cases.CompletenessView;
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
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The completeness view as an Excel workbook for a county office or the province: one sheet, a title, the deadline,
 * then one row per township under Chinese headers (县（市、区）, 乡镇, 状态, 按期情况, 审核通过, 公开), the counts
 * per county below. Times in Beijing time.
 */
final class CompletenessWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADERS = List.of("县（市、区）", "乡镇代码", "乡镇（街道）", "最新版本", "状态", "按期情况", "审核通过时间", "门户公开时间");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private CompletenessWorkbook() {}

    static byte[] of(CompletenessView.Completeness c) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(c.year() + "年度按期完成情况");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            Row title = sheet.createRow(r++);
            text(title, 0, c.year() + "年度政府信息公开工作年度报告按期完成情况", bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            text(
                    sheet.createRow(r++),
                    0,
                    "报送截止：" + c.dueDate() + "（北京时间）" + (c.deadlinePassed() ? "，已过截止日期" : "，尚未到期"),
                    null);
            r++;
            Row head = sheet.createRow(r++);
            for (int i = 0; i < HEADERS.size(); i++) {
                text(head, i, HEADERS.get(i), bold);
            }
            for (CompletenessView.County county : c.counties()) {
                for (CompletenessView.Township t : county.townships()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, county.name(), null);
                    text(row, 1, t.code(), null);
                    text(row, 2, t.name(), null);
                    if (t.latestVersion() != null) {
                        row.createCell(3).setCellValue(t.latestVersion());
                    }
                    text(row, 4, t.state() == null ? "未报送" : t.state().labelZh(), null);
                    text(row, 5, t.timeliness().labelZh(), null);
                    text(row, 6, time(t.approvedAt()), null);
                    text(row, 7, time(t.publishedAt()), null);
                }
            }
            r++;
            Row countsHead = sheet.createRow(r++);
            List<String> countHeaders = List.of("县（市、区）", "乡镇数", "按时完成", "逾期完成", "逾期未报", "尚未到期");
            for (int i = 0; i < countHeaders.size(); i++) {
                text(countsHead, i, countHeaders.get(i), bold);
            }
            for (CompletenessView.County county : c.counties()) {
                counts(sheet.createRow(r++), county.name(), county.counts(), null);
            }
            counts(sheet.createRow(r), "合计", c.totals(), bold);
            int[] widths = {18, 12, 30, 10, 16, 12, 18, 18};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(Row row, String label, CompletenessView.Counts n, CellStyle style) {
        text(row, 0, label, style);
        int[] values = {n.townships(), n.onTime(), n.late(), n.missing(), n.pending()};
        for (int i = 0; i < values.length; i++) {
            row.createCell(i + 1).setCellValue(values[i]);
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
