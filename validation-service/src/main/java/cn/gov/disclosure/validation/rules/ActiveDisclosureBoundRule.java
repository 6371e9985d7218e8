package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * Sound bounds within one year's Table 2 (added beyond DOMAIN.md; warnings, since they rest on the meaning of the
 * columns, not on a sum the template prints). Three rules of this class:
 * <ul>
 *   <li>T2-ITEMS-NEGATIVE (2019): 上一年项目数量 + 本年增/减 ≥ 0 — this year's number of items cannot be negative;</li>
 *   <li>T2-PUBLISHED-TOTAL (2019): 对外公开总数量 ≥ 本年新公开数量 — what was published this year is part of the total;</li>
 *   <li>T2-IN-FORCE-BOUND (2021): 现行有效件数 ≥ 本年制发件数 − 本年废止件数 — since 现行有效 = last year's (≥ 0) + 制发 − 废止.</li>
 * </ul>
 * The rows are those of the catalogue that have the columns concerned.
 */
final class ActiveDisclosureBoundRule extends AbstractRule {

    private enum Kind {
        ITEMS_NEGATIVE,
        PUBLISHED_TOTAL,
        IN_FORCE_BOUND
    }

    private final Kind kind;
    private final List<RowDef> rows;

    private ActiveDisclosureBoundRule(Kind kind, RuleInfo info, List<RowDef> rows) {
        super(info);
        this.kind = kind;
        this.rows = rows;
    }

    static ActiveDisclosureBoundRule itemsNegative() {
        return new ActiveDisclosureBoundRule(
                Kind.ITEMS_NEGATIVE,
                RuleInfo.of(
                        "T2-ITEMS-NEGATIVE",
                        Severity.WARNING,
                        "表2（2019年模板）：上一年项目数量加本年增/减不得为负数",
                        "Table 2 (2019 template): 上一年项目数量 + 本年增/减 must not be negative",
                        TemplateVersion.T2019),
                Layout.of(TemplateVersion.T2019)
                        .activeDisclosureRowsWith(Keys.T2_PREVIOUS_YEAR_ITEMS, Keys.T2_CHANGE_THIS_YEAR));
    }

    static ActiveDisclosureBoundRule publishedTotal() {
        return new ActiveDisclosureBoundRule(
                Kind.PUBLISHED_TOTAL,
                RuleInfo.of(
                        "T2-PUBLISHED-TOTAL",
                        Severity.WARNING,
                        "表2（2019年模板）：对外公开总数量不应少于本年新公开数量",
                        "Table 2 (2019 template): 对外公开总数量 should not be less than 本年新公开数量",
                        TemplateVersion.T2019),
                Layout.of(TemplateVersion.T2019)
                        .activeDisclosureRowsWith(Keys.T2_NEWLY_PUBLISHED, Keys.T2_TOTAL_PUBLISHED));
    }

    static ActiveDisclosureBoundRule inForceBound() {
        return new ActiveDisclosureBoundRule(
                Kind.IN_FORCE_BOUND,
                RuleInfo.of(
                        "T2-IN-FORCE-BOUND",
                        Severity.WARNING,
                        "表2（2021年模板）：现行有效件数不应少于本年制发件数减本年废止件数",
                        "Table 2 (2021 template): 现行有效件数 should not be less than 本年制发件数 − 本年废止件数",
                        TemplateVersion.T2021),
                Layout.of(TemplateVersion.T2021)
                        .activeDisclosureRowsWith(Keys.T2_ISSUED, Keys.T2_REPEALED, Keys.T2_IN_FORCE));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        ReportTable data = report.activeDisclosure();
        if (data == null) {
            return;
        }
        TableDef def = Layout.of(report).activeDisclosure;
        for (RowDef row : rows) {
            switch (kind) {
                case ITEMS_NEGATIVE -> {
                    BigDecimal previous = Layout.value(data, row.key(), Keys.T2_PREVIOUS_YEAR_ITEMS);
                    BigDecimal change = Layout.value(data, row.key(), Keys.T2_CHANGE_THIS_YEAR);
                    if (previous != null
                            && change != null
                            && previous.add(change).signum() < 0) {
                        report(
                                def,
                                row,
                                Keys.T2_CHANGE_THIS_YEAR,
                                previous.negate(),
                                change,
                                "上一年项目数量 " + Labels.num(previous) + " 加本年增/减 " + Labels.num(change) + " 为负数，本年增/减不应小于 "
                                        + Labels.num(previous.negate()),
                                "previousYearItems " + Labels.num(previous) + " + changeThisYear " + Labels.num(change)
                                        + " is negative",
                                out);
                    }
                }
                case PUBLISHED_TOTAL -> {
                    BigDecimal published = Layout.value(data, row.key(), Keys.T2_NEWLY_PUBLISHED);
                    BigDecimal total = Layout.value(data, row.key(), Keys.T2_TOTAL_PUBLISHED);
                    if (published != null && total != null && total.compareTo(published) < 0) {
                        report(
                                def,
                                row,
                                Keys.T2_TOTAL_PUBLISHED,
                                published,
                                total,
                                "对外公开总数量 " + Labels.num(total) + " 少于本年新公开数量 " + Labels.num(published),
                                "totalPublished " + Labels.num(total) + " is less than newlyPublished "
                                        + Labels.num(published),
                                out);
                    }
                }
                case IN_FORCE_BOUND -> {
                    BigDecimal issued = Layout.value(data, row.key(), Keys.T2_ISSUED);
                    BigDecimal repealed = Layout.value(data, row.key(), Keys.T2_REPEALED);
                    BigDecimal inForce = Layout.value(data, row.key(), Keys.T2_IN_FORCE);
                    if (issued != null
                            && repealed != null
                            && inForce != null
                            && inForce.compareTo(issued.subtract(repealed)) < 0) {
                        BigDecimal bound = issued.subtract(repealed);
                        report(
                                def,
                                row,
                                Keys.T2_IN_FORCE,
                                bound,
                                inForce,
                                "现行有效件数 " + Labels.num(inForce) + " 少于本年制发件数 " + Labels.num(issued) + " 减本年废止件数 "
                                        + Labels.num(repealed) + " = " + Labels.num(bound),
                                "inForce " + Labels.num(inForce) + " is less than issued − repealed = "
                                        + Labels.num(bound),
                                out);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private void report(
            TableDef def,
            RowDef row,
            String column,
            BigDecimal expected,
            BigDecimal actual,
            String zh,
            String en,
            FindingSink out) {
        out.report(
                info,
                Location.cell(
                        TableId.ACTIVE_DISCLOSURE.section(), TableId.ACTIVE_DISCLOSURE.number(), row.key(), column),
                expected,
                actual,
                Labels.rowZh(def, row) + "：" + zh,
                Labels.rowEn(def, row) + ": " + en);
    }
}
