package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import java.math.BigDecimal;
import java.util.Collection;

/** Where rules put their findings: a list, a stream, a counter — whatever the caller passes. */
@FunctionalInterface
public interface FindingSink {

    void accept(Finding finding);

    /** Reports a finding of {@code rule} (its code and severity) at {@code where}. */
    default void report(
            RuleInfo rule, Location where, BigDecimal expected, BigDecimal actual, String messageZh, String messageEn) {
        accept(new Finding(rule.code(), rule.severity(), where, expected, actual, messageZh, messageEn));
    }

    /** A sink that adds to {@code findings}. */
    static FindingSink into(Collection<Finding> findings) {
        return findings::add;
    }
}
