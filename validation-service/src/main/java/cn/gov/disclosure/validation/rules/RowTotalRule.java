package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * A row's TOTAL column equals the sum of its PART columns (roles and labels from the catalogue). One class, two
 * rules: T3-ROW-TOTAL (Table 3: the total of the six applicant columns) and T4-GROUP-TOTAL (Table 4, each group: the
 * total of the four outcomes). Rows with a missing cell are left to CELL-MISSING.
 */
final class RowTotalRule extends AbstractRule {

    private final TableId table;

    private RowTotalRule(TableId table, RuleInfo info) {
        super(info);
        this.table = table;
    }

    static RowTotalRule applications() {
        return new RowTotalRule(
                TableId.APPLICATIONS,
                RuleInfo.of(
                        "T3-ROW-TOTAL",
                        Severity.ERROR,
                        "表3每一行：" + description(TableId.APPLICATIONS),
                        "Table 3, every row: the TOTAL column = the sum of the PART columns (the six applicant columns)"));
    }

    static RowTotalRule reviewsAndLitigation() {
        return new RowTotalRule(
                TableId.REVIEWS_AND_LITIGATION,
                RuleInfo.of(
                        "T4-GROUP-TOTAL",
                        Severity.ERROR,
                        "表4每一组（行政复议、未经复议直接起诉、复议后起诉）：" + description(TableId.REVIEWS_AND_LITIGATION),
                        "Table 4, each group: the TOTAL column = the sum of the four outcome columns"));
    }

    /** "{total label} = {part label} + {part label} + …", from the catalogue's roles and labels. */
    private static String description(TableId table) {
        Layout.RowSum sum = Layout.of(TemplateVersion.T2021).rowSums(table).get(0);
        return sum.totalDef().label() + " = "
                + sum.partDefs().stream().map(ColumnDef::label).collect(Collectors.joining(" + "));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (!facts.hasTable(table)) {
            return;
        }
        TableDef def = facts.layout.table(table);
        for (Layout.RowSum sum : facts.layout.rowSums(table)) {
            BigDecimal stated = facts.value(table, sum.row(), sum.total());
            BigDecimal parts = facts.rowSum(table, sum.row(), sum.parts());
            if (stated != null && parts != null && parts.compareTo(stated) != 0) {
                out.report(
                        info,
                        Location.cell(
                                table.section(),
                                table.number(),
                                sum.def().key(),
                                sum.totalDef().key()),
                        parts,
                        stated,
                        Labels.rowZh(def, sum.def()) + "：" + sum.totalDef().label() + " = " + Labels.num(stated) + "，但"
                                + Labels.joinLabels(sum.partDefs()) + " = " + Labels.num(parts) + "，两者应相等",
                        Labels.rowEn(def, sum.def()) + ": " + sum.totalDef().key() + " = " + Labels.num(stated)
                                + " but " + Labels.joinKeys(sum.partDefs()) + " = " + Labels.num(parts));
            }
        }
    }
}
