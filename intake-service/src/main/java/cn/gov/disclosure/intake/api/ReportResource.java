package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.contracts.events.ReportIds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.intake.submission.LastYear;
import cn.gov.disclosure.intake.submission.ReportQueries;
import cn.gov.disclosure.intake.submission.ReportVersion;
import cn.gov.disclosure.intake.submission.SubmissionService;
import cn.gov.disclosure.intake.submission.SubmissionSource;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Townships submit their annual report as JSON and follow its state. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "年度报告的提交与状态 / submitting reports and following their state")
@SecurityRequirement(name = "bearer")
public class ReportResource {

    private final SubmissionService submissions;
    private final ReportQueries queries;
    private final CurrentCaller caller;
    private final CallerLimits limits;

    public ReportResource(
            SubmissionService submissions, ReportQueries queries, CurrentCaller caller, CallerLimits limits) {
        this.limits = limits;
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(
            summary = "提交年度报告（JSON） / Submit an annual report as JSON",
            description =
                    "Creates version n+1 of the caller's report for the year. 202 with the report id and version.")
    public Response submit(
            AnnualReport report,
            @Parameter(description = "retrying with the same key returns the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        limits.newVersion(caller.get());
        return accepted(submissions.submit(
                caller.get(), report, SubmissionSource.JSON, List.of(), blankToNull(idempotencyKey)));
    }

    @GET
    @RolesAllowed({Roles.TOWNSHIP_SUBMITTER, Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
    @Operation(summary = "我的报告 / The reports the caller may see (latest version each)")
    public List<ReportViews.ReportSummary> list(@QueryParam("year") Integer year) {
        return queries.latest(caller.get(), year).stream()
                .map(ReportViews.ReportSummary::of)
                .toList();
    }

    @GET
    @Path("prefill")
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(
            summary = "从上年报告开始 / A new year's report started from last year's approved report",
            description = "二、上年结转 = last year's 四、结转下年度继续办理; 2021 template 现行有效件数 carried; 2019 template "
                    + "上一年项目数量 = last year's + 本年增/减; narrative empty. Without an approved report, the one the "
                    + "province loaded as history (basedOnVersion 0). Nothing is stored. 404 without either.")
    public ReportViews.Prefill prefill(@QueryParam("year") Integer year) {
        requireYear(year, TemplateVersion.FIRST_REPORTING_YEAR + 1);
        Optional<ReportVersion> last = queries.approved(caller.get(), year - 1);
        if (last.isPresent()) {
            ReportVersion v = last.get();
            return new ReportViews.Prefill(
                    LastYear.prefill(v.report(), year, v.organisationName()), v.reportId(), v.version());
        }
        AnnualReport history = queries.history(caller.get(), year - 1)
                .orElseThrow(() -> ProblemException.notFound(
                        "本单位 " + (year - 1) + " 年度已审核通过的报告（请上传文档或从空白模板开始）",
                        "an approved report of " + (year - 1) + " of your organisation"));
        return new ReportViews.Prefill(
                LastYear.prefill(
                        history, year, queries.organisationName(caller.get()).orElse(history.organisationName())),
                ReportIds.of(caller.get().organisationCode(), year - 1),
                0);
    }

    @GET
    @Path("blank")
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(
            summary = "从空白模板开始 / A blank report of the year in the template the year requires",
            description = "The six sections with their headings and no text, no figure, named for the caller's "
                    + "organisation. Nothing is stored.")
    public AnnualReport blank(@QueryParam("year") Integer year) {
        requireYear(year, TemplateVersion.FIRST_REPORTING_YEAR);
        Caller c = caller.get();
        String name = queries.organisationName(c)
                .orElseThrow(() -> ProblemException.forbidden(
                        "您的账号未关联已登记的单位（org " + c.organisationCode() + "）",
                        "your account is not linked to a registered organisation (org " + c.organisationCode() + ")"));
        return LastYear.blank(year, name);
    }

    @GET
    @Path("{reportId}")
    @RolesAllowed({Roles.TOWNSHIP_SUBMITTER, Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
    @Operation(summary = "报告状态 / Every version of a report with its state")
    public ReportViews.ReportStatus status(@PathParam("reportId") String reportId) {
        return ReportViews.ReportStatus.of(queries.versions(caller.get(), reportId));
    }

    @GET
    @Path("{reportId}/versions/{version}")
    @RolesAllowed({Roles.TOWNSHIP_SUBMITTER, Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
    @Operation(summary = "某一版本 / One version with its report")
    public ReportViews.VersionView version(@PathParam("reportId") String reportId, @PathParam("version") int version) {
        return ReportViews.VersionView.of(queries.version(caller.get(), reportId, version), true);
    }

    @POST
    @Path("{reportId}/versions/{version}/withdraw")
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(summary = "撤回某一版本 / Withdraw a version no reviewer has decided on")
    public ReportViews.VersionView withdraw(@PathParam("reportId") String reportId, @PathParam("version") int version) {
        return ReportViews.VersionView.of(submissions.withdraw(caller.get(), reportId, version), false);
    }

    /** A reporting year in the query, from {@code first} on; 400 naming the parameter otherwise. */
    private static void requireYear(Integer year, int first) {
        if (year == null || year < first || year > 9998) {
            throw ProblemException.badRequest(
                    "invalid-year",
                    "请给出报告年度（year），" + first + " 年或以后",
                    "Give the reporting year (year), " + first + " or later",
                    List.of(Problem.Error.at(
                            "?year", "报告年度须为 " + first + " 至 9998 年", "year must be " + first + "-9998")));
        }
    }

    static Response accepted(SubmissionService.Receipt receipt) {
        return Response.accepted(ReportViews.Accepted.of(receipt))
                .location(URI.create(ReportViews.statusUrl(receipt.reportId())))
                .build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
