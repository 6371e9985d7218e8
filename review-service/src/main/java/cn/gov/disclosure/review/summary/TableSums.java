package cn.gov.disclosure.review.summary;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables 2, 3 and 4 summed over several reports of one year (a county's townships, or a province's counties), cell by
 * cell over the template catalogue, each figure with its breakdown by member. Nothing is guessed: a member whose report
 * follows another template is left out and named; a cell a member lacks, or a sum of money whose unit a member did not
 * state (or stated as something that is neither 元 nor 万元), has no total, and the cell names the members that stop it.
 * Money is summed in 万元 (元 ÷ 10,000, exactly).
 */
public final class TableSums {

    static final String WAN_YUAN = "万元";
    static final String YUAN = "元";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** One report to sum: a township's approved report, or a county's summary. */
    public record Member(String code, String name, AnnualReport report) {}

    /** A member left out, and why (Chinese, for the county). */
    public record LeftOut(String code, String name, String reasonZh) {}

    /**
     * One summed cell: the total ({@code null} when it cannot be given, see {@code stoppedBy}), its unit for money,
     * and each member's value in the order of {@link Summary#members()} ({@code null} where the member lacks it).
     */
    public record SummedCell(
            String column,
            String label,
            BigDecimal value,
            String unit,
            List<BigDecimal> byMember,
            List<String> stoppedBy,
            String stoppedBecauseZh) {}

    public record SummedRow(String key, String label, List<SummedCell> cells) {}

    public record SummedTable(TableId id, int number, String title, List<SummedRow> rows) {}

    /**
     * The summary: the members summed, those left out, the tables, and the sums as a report of the year (for the same
     * rules a report is checked with; cells without a total are absent from it).
     */
    public record Summary(
            int year,
            TemplateVersion template,
            List<Member> members,
            List<LeftOut> leftOut,
            List<SummedTable> tables,
            AnnualReport asReport) {}

    private TableSums() {}

    /** Sums the members' tables; {@code name} is the summary report's organisation (e.g. 晋江市（全市汇总）). */
    public static Summary of(int year, String name, List<Member> candidates) {
        TemplateVersion template = TemplateVersion.requiredFor(year);
        List<Member> members = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (Member m : candidates) {
            TemplateVersion used =
                    m.report().template() == null ? template : m.report().template();
            if (m.report().year() != year) {
                leftOut.add(
                        new LeftOut(m.code(), m.name(), "报告年度为 " + m.report().year() + " 年，不是 " + year + " 年"));
            } else if (used != template) {
                leftOut.add(
                        new LeftOut(m.code(), m.name(), "报告使用了" + used.notice() + "的表格，与 " + year + " 年度的表格不同，不能合计"));
            } else {
                members.add(m);
            }
        }
        List<SummedTable> tables = new ArrayList<>();
        ReportTable[] asTables = new ReportTable[TableId.values().length];
        for (TableDef def : TemplateCatalogue.tables(template)) {
            ReportTable.Builder built = ReportTable.builder();
            List<SummedRow> rows = new ArrayList<>();
            for (RowDef row : def.rows()) {
                List<SummedCell> cells = new ArrayList<>();
                built.row(row.key());
                for (ColumnDef column : row.columns()) {
                    SummedCell cell = sum(def.id(), row, column, members);
                    cells.add(cell);
                    if (cell.value() != null) {
                        built.put(row.key(), column.key(), new Cell(cell.value(), cell.unit()));
                    }
                }
                rows.add(new SummedRow(row.key(), row.fullLabel(), cells));
            }
            tables.add(new SummedTable(def.id(), def.id().number(), def.title(), rows));
            asTables[def.id().ordinal()] = built.build();
        }
        AnnualReport asReport = new AnnualReport(
                name,
                year,
                template,
                null,
                List.of(),
                asTables[TableId.ACTIVE_DISCLOSURE.ordinal()],
                asTables[TableId.APPLICATIONS.ordinal()],
                asTables[TableId.REVIEWS_AND_LITIGATION.ordinal()]);
        return new Summary(year, template, List.copyOf(members), List.copyOf(leftOut), List.copyOf(tables), asReport);
    }

    private static SummedCell sum(TableId table, RowDef row, ColumnDef column, List<Member> members) {
        boolean money = column.kind() == ValueKind.MONEY;
        BigDecimal total = BigDecimal.ZERO;
        List<BigDecimal> byMember = new ArrayList<>(members.size());
        List<String> missing = new ArrayList<>();
        List<String> unitless = new ArrayList<>();
        for (Member m : members) {
            ReportTable t = m.report().table(table);
            Cell c = t == null ? null : t.cell(row.key(), column.key()).orElse(null);
            if (c == null) {
                missing.add(m.name());
                byMember.add(null);
                continue;
            }
            BigDecimal v = c.value();
            if (money) {
                String unit = c.unit() != null ? c.unit() : column.unit();
                if (WAN_YUAN.equals(unit)) {
                    // as stated
                } else if (YUAN.equals(unit)) {
                    v = v.divide(TEN_THOUSAND);
                } else {
                    unitless.add(m.name());
                    byMember.add(null);
                    continue;
                }
            }
            byMember.add(v);
            total = total.add(v);
        }
        String unit = money ? WAN_YUAN : null;
        if (!missing.isEmpty()) {
            return new SummedCell(column.key(), column.label(), null, unit, byMember, missing, "报告缺少此单元格，不能合计");
        }
        if (!unitless.isEmpty()) {
            return new SummedCell(column.key(), column.label(), null, unit, byMember, unitless, "金额未写明单位（元或万元），不能合计");
        }
        return new SummedCell(column.key(), column.label(), total, unit, byMember, List.of(), null);
    }
}
