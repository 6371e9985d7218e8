package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.List;
import java.util.Map;

/**
 * A new year's report, blank ({@link #blank}) or started from the township's approved report of the year before, with
 * what the template carries over and nothing else (plain Java):
 * <ul>
 *   <li>Table 3: 二、上年结转 = last year's 四、结转下年度继续办理, column by column;</li>
 *   <li>Table 2, 2021 template: 现行有效件数 = last year's (the clerk adds 本年制发 and takes 本年废止);</li>
 *   <li>Table 2, 2019 template: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减;</li>
 * </ul>
 * Table 2 is carried only when both years use the same template; every other cell and the narrative are left for the
 * clerk (the sections are there with their headings and no text).
 */
public final class LastYear {

    private static final String CARRIED_OVER = "carriedOver";
    private static final String IN_FORCE = "inForce";
    private static final String PREVIOUS_ITEMS = "previousYearItems";
    private static final String CHANGE = "changeThisYear";

    private LastYear() {}

    public static AnnualReport prefill(AnnualReport last, int year, String organisationName) {
        TemplateVersion template = TemplateVersion.requiredFor(year);
        return start(
                organisationName,
                year,
                last.template() == template ? activeDisclosure(last, template) : null,
                applications(last, template));
    }

    /**
     * The blank report of {@code year} for a township without an approved report the year before: the template the
     * year requires, the six sections with their headings and no text, no figure.
     */
    public static AnnualReport blank(int year, String organisationName) {
        return start(organisationName, year, null, null);
    }

    private static AnnualReport start(
            String organisationName, int year, ReportTable activeDisclosure, ReportTable applications) {
        List<Section> sections = TemplateCatalogue.sections().stream()
                .map(s -> new Section(s.key(), s.heading(), ""))
                .toList();
        return new AnnualReport(
                organisationName,
                year,
                TemplateVersion.requiredFor(year),
                organisationName + year + "年政府信息公开工作年度报告",
                sections,
                activeDisclosure,
                applications,
                null);
    }

    private static ReportTable applications(AnnualReport last, TemplateVersion template) {
        ReportTable previous = last.applications();
        if (previous == null) {
            return null;
        }
        TableDef def = TemplateCatalogue.table(template, TableId.APPLICATIONS);
        RowDef forward = row(def, RowRole.CARRIED_FORWARD);
        RowDef carriedOver = def.row(CARRIED_OVER).orElseThrow();
        Map<String, Cell> cells = previous.rows().get(forward.key());
        ReportTable.Builder t = ReportTable.builder();
        if (cells != null) {
            t.row(carriedOver.key());
            cells.forEach((column, cell) -> t.put(carriedOver.key(), column, cell));
        }
        return t.isEmpty() ? null : t.build();
    }

    private static ReportTable activeDisclosure(AnnualReport last, TemplateVersion template) {
        ReportTable previous = last.activeDisclosure();
        if (previous == null) {
            return null;
        }
        ReportTable.Builder t = ReportTable.builder();
        for (RowDef row :
                TemplateCatalogue.table(template, TableId.ACTIVE_DISCLOSURE).rows()) {
            Map<String, Cell> cells = previous.rows().get(row.key());
            if (cells == null) {
                continue;
            }
            if (row.column(IN_FORCE) != null && cells.get(IN_FORCE) != null) {
                t.put(row.key(), IN_FORCE, cells.get(IN_FORCE));
            }
            if (row.column(PREVIOUS_ITEMS) != null && cells.get(PREVIOUS_ITEMS) != null && cells.get(CHANGE) != null) {
                t.put(
                        row.key(),
                        PREVIOUS_ITEMS,
                        new Cell(
                                cells.get(PREVIOUS_ITEMS)
                                        .value()
                                        .add(cells.get(CHANGE).value()),
                                cells.get(PREVIOUS_ITEMS).unit()));
            }
        }
        return t.isEmpty() ? null : t.build();
    }

    private static RowDef row(TableDef def, RowRole role) {
        return def.rows().stream().filter(r -> r.role() == role).findFirst().orElseThrow();
    }
}
