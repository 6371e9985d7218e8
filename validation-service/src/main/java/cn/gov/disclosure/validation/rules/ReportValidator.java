package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a list of rules to a report in one pass and returns every finding (a report with several faults gets them
 * all), in rule order. Each rule runs only for reports of its templates (the template the report declares; when it
 * declares none, the one its year requires). A rule that throws does not stop the others: it yields a RULE-FAILED
 * error naming the rule, so a defect never lets a report through unchecked. Thread-safe; plain Java.
 */
public final class ReportValidator {

    /** The code of the finding a rule that throws produces. */
    public static final String RULE_FAILED = "RULE-FAILED";

    private final List<Rule> rules;
    private final Map<TemplateVersion, List<Rule>> byTemplate = new EnumMap<>(TemplateVersion.class);

    public ReportValidator(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (TemplateVersion t : TemplateVersion.values()) {
            byTemplate.put(
                    t, this.rules.stream().filter(r -> r.info().appliesTo(t)).toList());
        }
    }

    /** A validator with the whole {@link RuleCatalogue}. */
    public static ReportValidator standard() {
        return new ReportValidator(RuleCatalogue.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> validate(AnnualReport report, ValidationContext ctx) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(ctx, "ctx");
        List<Finding> findings = new ArrayList<>();
        FindingSink sink = FindingSink.into(findings);
        ReportFacts facts = ReportFacts.of(report);
        for (Rule rule : byTemplate.get(facts.layout.template)) {
            try {
                rule.check(facts, ctx, sink);
            } catch (RuntimeException e) {
                findings.add(new Finding(
                        RULE_FAILED,
                        Severity.ERROR,
                        Location.report(),
                        null,
                        null,
                        "校验规则 " + rule.info().code() + " 执行出错，报告未能完成校验，请联系运维人员：" + e,
                        "Rule " + rule.info().code() + " failed; the report could not be fully checked: " + e));
            }
        }
        return Collections.unmodifiableList(findings);
    }
}
