package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.intake.store.Drafts;
import cn.gov.disclosure.intake.submission.Draft;
import cn.gov.disclosure.intake.submission.SubmissionService;
import cn.gov.disclosure.intake.submission.SubmissionSource;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The township's draft of a year's report: kept between visits, its own (never the county's), no version and no
 * event. Submitting a version of the year removes it.
 */
@Path("/api/v1/drafts/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "drafts")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
public class DraftResource {

    /** What the workspace saves: the report as far as it is filled, the importer's notes, each cell's provenance. */
    public record DraftBody(AnnualReport report, List<String> importNotes, List<CellSource> provenance) {}

    /** The saved draft. */
    public record DraftView(
            int year,
            AnnualReport report,
            List<String> importNotes,
            List<CellSource> provenance,
            OffsetDateTime savedAt) {
        static DraftView of(Draft d) {
            return new DraftView(d.year(), d.report(), d.importNotes(), d.provenance(), d.savedAt());
        }
    }

    private final Drafts drafts;
    private final SubmissionService submissions;
    private final CurrentCaller caller;

    private final CallerLimits limits;

    public DraftResource(Drafts drafts, SubmissionService submissions, CurrentCaller caller, CallerLimits limits) {
        this.limits = limits;
        this.drafts = drafts;
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "本单位的草稿 / The caller's draft of the year")
    public DraftView get(@PathParam("year") int year) {
        Caller c = caller.get();
        return drafts.find(c.organisationCode(), year)
                .map(DraftView::of)
                .orElseThrow(() -> ProblemException.notFound(year + " 年度的草稿", "a draft of " + year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "保存草稿 / Save the caller's draft of the year (replaces the one before)")
    public DraftView save(@PathParam("year") int year, DraftBody body) {
        if (body == null || body.report() == null) {
            throw ProblemException.badRequest(
                    "empty-draft",
                    "草稿为空",
                    "The draft is empty",
                    List.of(Problem.Error.at("/report", "请提交草稿的报告内容", "send the draft's report")));
        }
        if (body.report().year() != year) {
            throw ProblemException.badRequest(
                    "draft-year",
                    "草稿的报告年度与地址中的年度不一致",
                    "The draft's year is not the year in the path",
                    List.of(Problem.Error.at(
                            "/report/year",
                            "报告年度为 " + body.report().year() + "，应为 " + year,
                            "the report's year is " + body.report().year() + ", not " + year)));
        }
        Caller c = caller.get();
        Draft d = new Draft(
                c.organisationCode(),
                year,
                body.report(),
                body.importNotes(),
                body.provenance(),
                OffsetDateTime.now(ZoneOffset.UTC),
                c.subject());
        drafts.save(d);
        return DraftView.of(d);
    }

    @POST
    @Path("submit")
    @Operation(
            summary = "提交草稿 / Submit the caller's draft of the year as a new version",
            description = "The draft as saved, with its import notes and each cell's provenance (the cells the clerk "
                    + "changed marked CORRECTED); the draft is removed. 202 with the report id and version, as a "
                    + "submission.")
    public Response submit(
            @PathParam("year") int year,
            @Parameter(description = "retrying with the same key returns the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        Caller c = caller.get();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        Optional<Draft> draft = drafts.find(c.organisationCode(), year);
        if (draft.isEmpty() && key != null) {
            // a retry after the draft became a version: the first answer
            Optional<SubmissionService.Receipt> earlier = submissions.earlier(c, key);
            if (earlier.isPresent()) {
                return ReportResource.accepted(earlier.get());
            }
        }
        Draft d = draft.orElseThrow(() -> ProblemException.notFound(year + " 年度的草稿", "a draft of " + year));
        limits.newVersion(c);
        return ReportResource.accepted(
                submissions.submit(c, d.report(), SubmissionSource.WORKSPACE, d.importNotes(), d.provenance(), key));
    }

    @DELETE
    @Transactional
    @Operation(summary = "删除草稿 / Delete the caller's draft of the year")
    public Response delete(@PathParam("year") int year) {
        drafts.delete(caller.get().organisationCode(), year);
        return Response.noContent().build();
    }
}
