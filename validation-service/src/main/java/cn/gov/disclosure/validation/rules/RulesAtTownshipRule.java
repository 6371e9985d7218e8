package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.ReportTable;
import java.math.BigDecimal;

/**
 * RULES-AT-TOWNSHIP: a township or street office reports 规章 &gt; 0 in Table 2 (only provincial governments and
 * 设区的市 make 规章, 立法法 art. 93). Also raised for a COUNTY, which cannot make 规章 either. One finding per
 * non-zero cell.
 */
final class RulesAtTownshipRule extends AbstractRule {

    RulesAtTownshipRule() {
        super(
                RuleInfo.of(
                        "RULES-AT-TOWNSHIP",
                        Severity.WARNING,
                        "乡镇、街道（及县级）报告的“规章”不应大于0（只有省级政府和设区的市政府制定规章）",
                        "A township, street office or county should report no 规章 (only provinces and larger cities make them)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (ctx.level() != OrganisationLevel.TOWNSHIP && ctx.level() != OrganisationLevel.COUNTY) {
            return;
        }
        ReportTable data = report.activeDisclosure();
        TableDef def = Layout.of(report).activeDisclosure;
        RowDef row = def.row(Keys.T2_RULES).orElse(null);
        if (data == null || row == null) {
            return;
        }
        String who = ctx.level() == OrganisationLevel.TOWNSHIP ? "乡镇、街道" : "县级政府";
        for (ColumnDef col : row.columns()) {
            BigDecimal v = Layout.value(data, row.key(), col.key());
            if (v != null && v.signum() > 0) {
                out.report(
                        info,
                        Location.cell(
                                TableId.ACTIVE_DISCLOSURE.section(),
                                TableId.ACTIVE_DISCLOSURE.number(),
                                row.key(),
                                col.key()),
                        BigDecimal.ZERO,
                        v,
                        Labels.cellZh(def, row, col) + "为 " + Labels.num(v) + "；" + who + "无权制定规章，请核实是否误填（应为0）",
                        Labels.cellEn(def, row, col) + " is " + Labels.num(v) + "; a "
                                + ctx.level().name().toLowerCase() + " cannot make 规章 (rules)");
            }
        }
    }
}
