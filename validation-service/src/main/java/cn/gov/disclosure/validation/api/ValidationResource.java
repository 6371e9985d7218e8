package cn.gov.disclosure.validation.api;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.validation.flow.Contexts;
import cn.gov.disclosure.validation.rules.ReportValidator;
import cn.gov.disclosure.validation.rules.RuleCatalogue;
import cn.gov.disclosure.validation.rules.RuleInfo;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rule catalogue for township staff, and a check before submitting. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "validation", description = "校验规则与预校验 / rules and checking before submitting")
public class ValidationResource {

    private final ReportValidator validator = ReportValidator.standard();
    private final Contexts contexts;
    private final CurrentCaller caller;

    public ValidationResource(Contexts contexts, CurrentCaller caller) {
        this.contexts = contexts;
        this.caller = caller;
    }

    public record RuleView(
            String code, Severity severity, String descriptionZh, String descriptionEn, List<String> templates) {}

    public record ValidationAnswer(boolean passed, long errors, long warnings, List<Finding> findings) {}

    @GET
    @Path("rules")
    @Operation(summary = "校验规则目录 / The rule catalogue: what every report is checked for")
    public List<RuleView> rules() {
        return RuleCatalogue.infos().stream().map(ValidationResource::view).toList();
    }

    @POST
    @Path("validate")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "预校验 / Run every rule on a report without storing anything")
    public ValidationAnswer validate(AnnualReport report) {
        if (report == null) {
            throw ProblemException.badRequest(
                    "empty-report",
                    "请求体为空",
                    "The request body is empty",
                    List.of(Problem.Error.at("", "请提交年度报告", "a report is required")));
        }
        if (report.year() < TemplateVersion.FIRST_REPORTING_YEAR) {
            throw ProblemException.badRequest(
                    "invalid-report",
                    "报告年度不正确",
                    "Invalid reporting year",
                    List.of(Problem.Error.at(
                            "/year",
                            "报告年度须为 " + TemplateVersion.FIRST_REPORTING_YEAR + " 年或以后",
                            "the reporting year must be " + TemplateVersion.FIRST_REPORTING_YEAR + " or later")));
        }
        List<Finding> findings = validator.validate(
                report, contexts.forSubmission(caller.get().organisationCode(), null, report.year()));
        long errors =
                findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings =
                findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return new ValidationAnswer(errors == 0, errors, warnings, findings);
    }

    private static RuleView view(RuleInfo i) {
        return new RuleView(
                i.code(),
                i.severity(),
                i.descriptionZh(),
                i.descriptionEn(),
                i.templates().stream().map(TemplateVersion::code).sorted().toList());
    }
}
