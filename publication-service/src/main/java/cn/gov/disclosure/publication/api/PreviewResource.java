package cn.gov.disclosure.publication.api;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.publication.flow.RenderService;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The document as it will be published, before it is approved: the reviewers' page sends the case's report and shows
 * the PDF the portal would get (the same renderer, nothing stored, nothing published). The page is review's, on
 * another origin: CORS allows it ({@code quarkus.http.cors.origins}).
 */
@Path("/api/v1/preview")
@Tag(name = "preview", description = "公开文本预览 / the PDF a report would be published as")
@SecurityRequirement(name = "bearer")
public class PreviewResource {

    private final RenderService renderer;

    public PreviewResource(RenderService renderer) {
        this.renderer = renderer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @RolesAllowed({Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
    @Operation(summary = "预览公开文本 / The PDF a report would be published as (nothing stored)")
    public Response preview(AnnualReport report) {
        if (report == null || report.year() < TemplateVersion.FIRST_REPORTING_YEAR) {
            throw ProblemException.badRequest(
                    "invalid-report",
                    "请提交要预览的年度报告",
                    "Send the report to preview",
                    List.of(Problem.Error.at("", "请求体须为年度报告", "the body must be an annual report")));
        }
        return Response.ok(renderer.preview(report), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"preview.pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
