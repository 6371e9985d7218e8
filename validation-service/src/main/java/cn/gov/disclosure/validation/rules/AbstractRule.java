package cn.gov.disclosure.validation.rules;

/** Holds the rule's {@link RuleInfo}. */
abstract class AbstractRule implements Rule {

    protected final RuleInfo info;

    protected AbstractRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return info.code();
    }
}
