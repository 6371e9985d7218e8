package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.intake.history.HistoryImports;
import cn.gov.disclosure.intake.importer.UnsupportedDocumentException;
import cn.gov.disclosure.intake.store.StoredHistory;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * History from day one: the province loads earlier years' published reports (one document a request; a folder with
 * {@code deploy/import-history.sh}), and lists what it loaded and what needs a person.
 */
@Path("/api/v1/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
@Tag(name = "history", description = "历史报告导入 / earlier years' published reports")
@SecurityRequirement(name = "bearer")
public class HistoryResource {

    private final HistoryImports history;
    private final CurrentCaller caller;

    public HistoryResource(HistoryImports history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    @POST
    @Consumes({
        MediaType.TEXT_PLAIN,
        ImportResource.DOCX,
        ImportResource.DOC,
        ImportResource.PDF,
        MediaType.TEXT_HTML,
        MediaType.APPLICATION_OCTET_STREAM,
        MediaType.WILDCARD
    })
    @Operation(
            summary = "导入历史报告 / Load an earlier year's published report as history",
            description =
                    "The document as the organ published it (PDF with a text layer, the portal's HTML page, a Word"
                            + " file, its text), read by the importer. 201: kept and announced as history imported (version 0)"
                            + " for validation's cross-year checks and the reviewers; 422: the document could not be read"
                            + " unambiguously, or names another organ or year: listed (GET) for a person, nothing announced;"
                            + " 409: a report of that year was approved in the platform (a history never replaces it).")
    public Response load(
            byte[] body,
            @QueryParam("organisation") String organisation,
            @QueryParam("year") String year,
            @QueryParam("name") String name) {
        if (organisation == null || organisation.isBlank()) {
            throw bad("?organisation", "请指定单位代码 organisation", "organisation is required");
        }
        int y = year(year);
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-document", "文档为空", "The document is empty", List.of());
        }
        HistoryImports.Outcome outcome;
        try {
            outcome = history.load(caller.get(), organisation.trim(), y, name, body);
        } catch (UnsupportedDocumentException e) {
            throw ImportResource.unsupported(e);
        }
        if (outcome.status() == StoredHistory.Status.NEEDS_ATTENTION) {
            List<Problem.Error> errors =
                    outcome.problems().stream().map(ImportResource::error).toList();
            throw new ProblemException(
                    422,
                    "history-needs-attention",
                    "历史报告需人工处理",
                    "The history needs a person",
                    outcome.problemZh() + "。已列入待处理清单（第 " + outcome.id() + " 条），请核对文档后重新导入",
                    "listed as load " + outcome.id() + " for a person: " + outcome.problemZh(),
                    errors);
        }
        return Response.status(201).entity(outcome).build();
    }

    @GET
    @Operation(summary = "历史报告导入清单 / Every load of a year: imported, replaced, and those needing a person")
    public List<HistoryImports.Outcome> list(@QueryParam("year") String year) {
        return history.ofYear(year(year));
    }

    private static int year(String year) {
        if (year == null || year.isBlank()) {
            throw bad("?year", "请指定报告年度 year", "year is required");
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y >= TemplateVersion.FIRST_REPORTING_YEAR && y <= 9998) {
                return y;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw bad(
                "?year", "报告年度须为 " + TemplateVersion.FIRST_REPORTING_YEAR + " 年以后的年份", "year is not a reporting year");
    }

    private static ProblemException bad(String pointer, String zh, String en) {
        return ProblemException.badRequest(
                "invalid-query", "查询参数不正确", "Invalid query parameter", List.of(Problem.Error.at(pointer, zh, en)));
    }
}
