package cn.gov.disclosure.contracts.model;

import cn.gov.disclosure.contracts.catalogue.TableId;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One 政府信息公开工作年度报告 as the organ wrote it.
 *
 * @param organisationName     the organ as the report names it (e.g. 晋江市紫帽镇人民政府)
 * @param year                 the reporting year the report names (the calendar year reported on)
 * @param template             the template whose tables the report follows (may differ from the one its year requires:
 *                             the validator says so)
 * @param title                the title line as written
 * @param sections             the sections found, in document order (a missing section is absent)
 * @param activeDisclosure     Table 2, 主动公开政府信息情况 (absent when the document has none)
 * @param applications         Table 3, 收到和处理政府信息公开申请情况
 * @param reviewsAndLitigation Table 4, 政府信息公开行政复议、行政诉讼情况
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnualReport(
        String organisationName,
        int year,
        TemplateVersion template,
        String title,
        List<Section> sections,
        ReportTable activeDisclosure,
        ReportTable applications,
        ReportTable reviewsAndLitigation) {

    public AnnualReport {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public Optional<Section> section(SectionKey key) {
        return sections.stream().filter(s -> s.key() == key).findFirst();
    }

    /** The table of the given catalogue table, or {@code null} when the report has none. */
    public ReportTable table(TableId table) {
        return switch (table) {
            case ACTIVE_DISCLOSURE -> activeDisclosure;
            case APPLICATIONS -> applications;
            case REVIEWS_AND_LITIGATION -> reviewsAndLitigation;
        };
    }
}
