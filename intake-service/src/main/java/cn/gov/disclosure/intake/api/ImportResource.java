package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.intake.importer.ImportException;
import cn.gov.disclosure.intake.importer.ImportNote;
import cn.gov.disclosure.intake.importer.ImportProblem;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
import cn.gov.disclosure.intake.importer.UnsupportedDocumentException;
import cn.gov.disclosure.intake.submission.SubmissionService;
import cn.gov.disclosure.intake.submission.SubmissionSource;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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

/** Townships submit the document they already have: the Word file, the PDF, the portal page or the text. */
@Path("/api/v1/reports/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    public static final String PDF = "application/pdf";

    private final ReportImporter importer = new ReportImporter();
    private final SubmissionService submissions;
    private final CurrentCaller caller;
    private final CallerLimits limits;

    public ImportResource(SubmissionService submissions, CurrentCaller caller, CallerLimits limits) {
        this.limits = limits;
        this.submissions = submissions;
        this.caller = caller;
    }

    @POST
    // the format is told from the content: every type is taken (the listed ones are what OpenAPI shows)
    @Consumes({
        MediaType.TEXT_PLAIN,
        DOCX,
        DOC,
        PDF,
        MediaType.TEXT_HTML,
        MediaType.APPLICATION_OCTET_STREAM,
        MediaType.WILDCARD
    })
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(
            summary = "导入报告文档 / Import the report's document",
            description =
                    "The document the township has: a Word file (.docx or .doc), a PDF with a text layer, the "
                            + "portal's HTML page, or its text (UTF-8, GB18030/GBK or UTF-16). The format is told from the "
                            + "content, whatever the Content-Type says. With dryRun=true the report read from the document is "
                            + "returned for a look and nothing is stored; otherwise it is submitted as a new version (202). "
                            + "415 for a kind of file that is none of these, 422 for a document that cannot be read as a report.")
    public Response importDocument(
            byte[] body, @QueryParam("dryRun") boolean dryRun, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-document", "文档为空", "The document is empty", List.of());
        }
        limits.documentRead(caller.get());
        if (!dryRun) {
            limits.newVersion(caller.get());
        }
        ImportResult result = read(body);
        List<String> notes = result.notes().stream().map(ImportNote::describe).toList();
        if (dryRun) {
            return Response.ok(new ReportViews.ImportPreview(
                            result.report(),
                            notes.isEmpty() ? null : notes,
                            result.format().code(),
                            result.provenance()))
                    .build();
        }
        SubmissionSource source = SubmissionSource.valueOf(result.format().name());
        return ReportResource.accepted(submissions.submit(
                caller.get(),
                result.report(),
                source,
                notes,
                result.provenance(),
                ReportResource.blankToNull(idempotencyKey)));
    }

    private ImportResult read(byte[] body) {
        try {
            return importer.importDocument(body);
        } catch (UnsupportedDocumentException e) {
            throw unsupported(e);
        } catch (ImportException e) {
            List<Problem.Error> errors =
                    e.problems().stream().map(ImportResource::error).toList();
            throw new ProblemException(
                    422,
                    "unreadable-document",
                    "无法识别报告内容",
                    "The report cannot be read",
                    errors.isEmpty() ? null : errors.get(0).message(),
                    errors.isEmpty() ? null : errors.get(0).messageEn(),
                    errors);
        }
    }

    /** 415 for a kind of file that is no report (the history's loads too). */
    static ProblemException unsupported(UnsupportedDocumentException e) {
        ImportProblem p = e.problems().get(0);
        return new ProblemException(
                415,
                "unsupported-document",
                "无法读取此类文件",
                "This kind of file cannot be read",
                p.messageZh(),
                p.messageEn(),
                List.of(error(p)));
    }

    static Problem.Error error(ImportProblem p) {
        return new Problem.Error(null, p.line(), p.row(), p.cells(), p.messageZh(), p.messageEn());
    }
}
