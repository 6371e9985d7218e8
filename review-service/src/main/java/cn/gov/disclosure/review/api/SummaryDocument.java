package cn.gov.disclosure.review.api;

import cn.gov.disclosure.review.summary.SummaryView;
import cn.gov.disclosure.review.summary.TableSums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The summary as a Word draft of the county's (or province's) tables: a title, the scope in a sentence, then Tables 2,
 * 3 and 4 in the template's rows and columns with the summed figures (money in 万元), for the county office to edit
 * into its own report. A figure without a total is left as “—” and the sentence under the table says why.
 */
final class SummaryDocument {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private SummaryDocument() {}

    static byte[] of(SummaryView.Summary s) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String title =
                    s.year() + "年度" + s.scopeName() + "政府信息公开工作年度报告（" + (s.province() ? "全省" : "全县") + "汇总表格·草稿）";
            paragraph(doc, title, true, ParagraphAlignment.CENTER);
            paragraph(
                    doc,
                    "本表由" + s.members().size() + (s.province() ? "个县（市、区）" : "个乡镇（街道）") + "审核通过的报告合计生成；"
                            + (s.missing().isEmpty()
                                    ? "所有乡镇均已审核通过。"
                                    : "尚有 " + s.missing().size() + " 个乡镇没有审核通过的报告，未计入。")
                            + "金额单位为万元。",
                    false,
                    ParagraphAlignment.LEFT);
            for (TableSums.SummedTable t : s.sums().tables()) {
                paragraph(doc, "表" + t.id().section().numeral() + "　" + t.title(), true, ParagraphAlignment.LEFT);
                List<String> header = null;
                XWPFTable table = null;
                StringBuilder stopped = new StringBuilder();
                for (TableSums.SummedRow row : t.rows()) {
                    List<String> labels = row.cells().stream()
                            .map(c -> c.label() + (c.unit() == null ? "" : "（" + c.unit() + "）"))
                            .toList();
                    if (table == null || !labels.equals(header)) {
                        table = doc.createTable(1, labels.size() + 1);
                        XWPFTableRow head = table.getRow(0);
                        head.getCell(0).setText("项目");
                        for (int i = 0; i < labels.size(); i++) {
                            head.getCell(i + 1).setText(labels.get(i));
                        }
                        header = labels;
                    }
                    XWPFTableRow line = table.createRow();
                    line.getCell(0).setText(row.label());
                    for (int i = 0; i < row.cells().size(); i++) {
                        TableSums.SummedCell c = row.cells().get(i);
                        line.getCell(i + 1).setText(figure(c.value()));
                        if (c.value() == null) {
                            stopped.append(row.label())
                                    .append("·")
                                    .append(c.label())
                                    .append("：")
                                    .append(String.join("、", c.stoppedBy()))
                                    .append(c.stoppedBecauseZh())
                                    .append("。");
                        }
                    }
                }
                if (!stopped.isEmpty()) {
                    paragraph(doc, "未能合计：" + stopped, false, ParagraphAlignment.LEFT);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    private static String figure(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
