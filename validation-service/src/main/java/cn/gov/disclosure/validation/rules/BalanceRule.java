package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * T3-BALANCE, the table's own 勾稽关系: in every column of Table 3, the INCOMING rows (一 + 二) equal the
 * RESULT_TOTAL row plus the CARRIED_FORWARD row (七 + 四).
 */
final class BalanceRule extends AbstractRule {

    BalanceRule() {
        super(
                RuleInfo.of(
                        "T3-BALANCE",
                        Severity.ERROR,
                        "表3每一列："
                                + rule(TemplateCatalogue.table(TemplateVersion.T2021, TableId.APPLICATIONS)
                                        .cornerNote()),
                        "Table 3, every column: the INCOMING rows (一 + 二) = the RESULT_TOTAL row plus the CARRIED_FORWARD row (七 + 四)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (!facts.hasTable(TableId.APPLICATIONS)) {
            return;
        }
        Layout layout = facts.layout;
        TableDef def = layout.applications;
        for (int c = 0; c < layout.applicationColumns.size(); c++) {
            BigDecimal incoming = facts.sum(TableId.APPLICATIONS, layout.incomingRows, c);
            BigDecimal handled = facts.sum(TableId.APPLICATIONS, layout.outgoingRows, c);
            if (incoming != null && handled != null && incoming.compareTo(handled) != 0) {
                ColumnDef col = layout.applicationColumns.get(c);
                out.report(
                        info,
                        Location.cell(TableId.APPLICATIONS.section(), TableId.APPLICATIONS.number(), null, col.key()),
                        incoming,
                        handled,
                        Labels.columnZh(def, col) + "：" + zh(layout.incoming) + " = " + Labels.num(incoming) + "，但"
                                + zh(layout.outgoing) + " = " + Labels.num(handled)
                                + "，不符合勾稽关系" + def.cornerNote(),
                        Labels.columnEn(def, col) + ": " + en(layout.incoming) + " = " + Labels.num(incoming) + " but "
                                + en(layout.outgoing) + " = " + Labels.num(handled));
            }
        }
    }

    /** （本列数据的勾稽关系为：第一项加第二项之和，…） → the rule itself, after the colon. */
    private static String rule(String cornerNote) {
        int colon = cornerNote.indexOf('：');
        String r = colon >= 0 ? cornerNote.substring(colon + 1) : cornerNote;
        return r.endsWith("）") ? r.substring(0, r.length() - 1) : r;
    }

    private static String zh(List<RowDef> rows) {
        return rows.stream().map(Labels::numeral).collect(Collectors.joining(" + "));
    }

    private static String en(List<RowDef> rows) {
        return rows.stream().map(RowDef::key).collect(Collectors.joining(" + "));
    }
}
