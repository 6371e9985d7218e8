package cn.gov.disclosure.validation.rules;

/**
 * One check of the rule catalogue. A rule is stateless and thread-safe; it reports every fault it sees (never stops
 * at the first) into the sink, each finding carrying {@link RuleInfo#code()} and {@link RuleInfo#severity()}.
 * The validator calls it only for reports whose template is in {@link RuleInfo#templates()}, with the report's
 * {@link ReportFacts} worked out once for all the rules.
 */
public interface Rule {

    RuleInfo info();

    void check(ReportFacts facts, ValidationContext ctx, FindingSink out);
}
