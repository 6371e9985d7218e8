package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs one rule or the standard validator and picks findings. */
final class Checks {

    private Checks() {}

    static ValidationContext township(AnnualReport r) {
        return ValidationContext.selfDeclared(r, OrganisationLevel.TOWNSHIP);
    }

    /** The findings of one rule (applied whatever the template, as the validator would for its templates). */
    static List<Finding> run(Rule rule, AnnualReport report, ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        rule.check(ReportFacts.of(report), ctx, FindingSink.into(out));
        out.forEach(f -> {
            if (!f.code().equals(rule.info().code())
                    || f.severity() != rule.info().severity()) {
                throw new AssertionError("rule " + rule.info().code() + " reported " + f);
            }
        });
        return out;
    }

    static List<Finding> run(Rule rule, AnnualReport report) {
        return run(rule, report, township(report));
    }

    static List<Finding> validate(AnnualReport report, ValidationContext ctx) {
        return ReportValidator.standard().validate(report, ctx);
    }

    static List<Finding> withCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        findings.forEach(f -> sb.append(f.code())
                .append(' ')
                .append(f.severity())
                .append(' ')
                .append(f.location())
                .append(" expected=")
                .append(f.expected())
                .append(" actual=")
                .append(f.actual())
                .append("\n  ")
                .append(f.messageZh())
                .append("\n  ")
                .append(f.messageEn())
                .append('\n'));
        return sb.toString();
    }
}
