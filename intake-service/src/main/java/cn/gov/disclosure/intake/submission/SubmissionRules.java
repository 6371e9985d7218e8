package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * What intake itself refuses (it never judges the numbers; that is the validation service): a report it cannot
 * identify or store. Plain Java, so tests run without Quarkus.
 */
public final class SubmissionRules {

    private SubmissionRules() {}

    /**
     * @param currentYear the calendar year now (Beijing time): a report covers a year that has ended
     * @throws ProblemException 400 naming every field that is wrong
     */
    public static void checkAcceptable(AnnualReport report, int currentYear) {
        List<Problem.Error> errors = new ArrayList<>();
        if (report == null) {
            throw ProblemException.badRequest(
                    "empty-report",
                    "请求体为空",
                    "The request body is empty",
                    List.of(Problem.Error.at("", "请提交年度报告", "a report is required")));
        }
        if (report.year() == 0) {
            errors.add(Problem.Error.at("/year", "缺少报告年度", "the reporting year is missing"));
        } else if (report.year() < TemplateVersion.FIRST_REPORTING_YEAR) {
            errors.add(Problem.Error.at(
                    "/year",
                    "报告年度不能早于 " + TemplateVersion.FIRST_REPORTING_YEAR + " 年",
                    "the reporting year cannot be before " + TemplateVersion.FIRST_REPORTING_YEAR));
        } else if (report.year() > currentYear) {
            errors.add(Problem.Error.at(
                    "/year",
                    "报告年度 " + report.year() + " 是将来的年份",
                    "the reporting year " + report.year() + " is in the future"));
        } else if (report.year() == currentYear) {
            errors.add(Problem.Error.at(
                    "/year",
                    "报告年度 " + report.year() + " 尚未结束，年度报告须在次年提交",
                    "the reporting year " + report.year() + " has not ended; the report is due the following year"));
        }
        if (report.template() == null) {
            errors.add(Problem.Error.at("/template", "缺少模板版本（2019 或 2021）", "the template (2019 or 2021) is missing"));
        }
        if (report.sections().isEmpty()) {
            errors.add(Problem.Error.at("/sections", "报告没有任何章节", "the report has no sections"));
        }
        if (report.activeDisclosure() == null
                && report.applications() == null
                && report.reviewsAndLitigation() == null) {
            errors.add(Problem.Error.at("/applications", "报告没有任何表格", "the report has no tables"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-report", "报告无法受理", "The report cannot be accepted", errors);
        }
    }
}
