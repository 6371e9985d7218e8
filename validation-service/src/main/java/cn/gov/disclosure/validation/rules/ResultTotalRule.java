package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;

/** T3-RESULT-TOTAL: in every column of Table 3, the RESULT_TOTAL row (七) = the sum of all RESULT rows. */
final class ResultTotalRule extends AbstractRule {

    ResultTotalRule() {
        super(RuleInfo.of(
                "T3-RESULT-TOTAL",
                Severity.ERROR,
                "表3每一列：" + Layout.of(TemplateVersion.T2021).resultTotal.label() + " = "
                        + Layout.of(TemplateVersion.T2021).resultTotal.path().get(0) + "各项之和",
                "Table 3, every column: the RESULT_TOTAL row (七) = the sum of all RESULT rows (一 to 六)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (!facts.hasTable(TableId.APPLICATIONS)) {
            return;
        }
        Layout layout = facts.layout;
        TableDef def = layout.applications;
        List<RowDef> results = layout.results;
        RowDef total = layout.resultTotal;
        for (int c = 0; c < layout.applicationColumns.size(); c++) {
            ColumnDef col = layout.applicationColumns.get(c);
            BigDecimal stated = facts.value(TableId.APPLICATIONS, layout.resultTotalRow, c);
            BigDecimal sum = facts.sum(TableId.APPLICATIONS, layout.resultRows, c);
            if (stated != null && sum != null && sum.compareTo(stated) != 0) {
                out.report(
                        info,
                        Location.cell(
                                TableId.APPLICATIONS.section(), TableId.APPLICATIONS.number(), total.key(), col.key()),
                        sum,
                        stated,
                        Labels.columnZh(def, col) + "：" + total.label() + " = " + Labels.num(stated) + "，但"
                                + group(results.get(0)) + "至" + group(results.get(results.size() - 1)) + "各项之和为 "
                                + Labels.num(sum) + "，两者应相等",
                        Labels.columnEn(def, col) + ": " + total.key() + " = " + Labels.num(stated) + " but the "
                                + results.size() + " result rows add up to " + Labels.num(sum));
            }
        }
    }

    /** The result item a row belongs to: （三）不予公开 for its sub-items, the row itself for （一）. */
    private static String group(RowDef row) {
        return row.path().size() > 1 ? row.path().get(1) : row.label();
    }
}
