package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.intake.importer.ImportException;
import cn.gov.disclosure.intake.importer.ImportNote;
import cn.gov.disclosure.intake.importer.ImportProblem;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Townships submit the document they already have: the report's text, or the Word file. */
@Path("/api/v1/reports/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final ReportImporter importer = new ReportImporter();
    private final SubmissionService submissions;
    private final CurrentCaller caller;

    public ImportResource(SubmissionService submissions, CurrentCaller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, DOCX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.TOWNSHIP_SUBMITTER)
    @Operation(summary = "导入报告文档 / Import the report's text or .docx",
            description = "text/plain (UTF-8) or a .docx. With dryRun=true the report read from the document is returned "
                    + "for a look and nothing is stored; otherwise it is submitted as a new version (202).")
    public Response importDocument(byte[] body, @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("dryRun") boolean dryRun,
                                   @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-document", "文档为空", "The document is empty", List.of());
        }
        ImportResult result = read(body, contentType);
        List<String> notes = result.notes().stream().map(ImportResource::describe).toList();
        if (dryRun) {
            return Response.ok(new ReportViews.ImportPreview(result.report(), notes.isEmpty() ? null : notes)).build();
        }
        SubmissionSource source = isText(contentType) ? SubmissionSource.TEXT : SubmissionSource.DOCX;
        return ReportResource.accepted(submissions.submit(caller.get(), result.report(), source, notes,
                ReportResource.blankToNull(idempotencyKey)));
    }

    private ImportResult read(byte[] body, String contentType) {
        try {
            if (isText(contentType)) {
                return importer.importText(utf8(body));
            }
            return importer.importDocx(new ByteArrayInputStream(body));
        } catch (ImportException e) {
            List<Problem.Error> errors = e.problems().stream().map(ImportResource::error).toList();
            throw new ProblemException(422, "unreadable-document", "无法识别报告内容", "The report cannot be read",
                    errors.isEmpty() ? null : errors.get(0).message(),
                    errors.isEmpty() ? null : errors.get(0).messageEn(), errors);
        }
    }

    private static boolean isText(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.TEXT_PLAIN);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-encoding", "文本不是有效的 UTF-8 编码", "The text is not valid UTF-8",
                    List.of(Problem.Error.at("", "请以 UTF-8 编码提交文本", "send the text encoded as UTF-8")));
        }
    }

    private static Problem.Error error(ImportProblem p) {
        return new Problem.Error(null, p.line(), p.row(), p.cells(), p.messageZh(), p.messageEn());
    }

    static String describe(ImportNote n) {
        return (n.line() == null ? "" : "第 " + n.line() + " 行：") + n.messageZh() + " / "
                + (n.line() == null ? "" : "line " + n.line() + ": ") + n.messageEn();
    }
}
