package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.ReportTable;

/** TABLE-MISSING: Tables 2, 3 and 4 of the report's template are present. */
final class TableMissingRule extends AbstractRule {

    TableMissingRule() {
        super(RuleInfo.of(
                "TABLE-MISSING",
                Severity.ERROR,
                "报告须包含表2（主动公开）、表3（依申请公开）和表4（行政复议、行政诉讼）",
                "The report must contain Tables 2, 3 and 4"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (TableDef def : Layout.of(report).tables) {
            ReportTable table = report.table(def.id());
            if (table == null || table.rows().isEmpty()) {
                out.report(
                        info,
                        Location.cell(def.id().section(), def.id().number(), null, null),
                        null,
                        null,
                        "缺少" + Labels.tableZh(def) + "「" + def.title() + "」",
                        Labels.tableEn(def) + " (" + def.id().key() + ") is missing");
            }
        }
    }
}
