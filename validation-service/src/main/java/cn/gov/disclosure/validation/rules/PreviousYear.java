package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.model.AnnualReport;

/** The previous year's approved report the cross-year rules compare with, when the context holds a usable one. */
final class PreviousYear {

    private PreviousYear() {}

    /** The previous report when it is for {@code expectedYear - 1}; {@code null} otherwise. */
    static AnnualReport of(ValidationContext ctx) {
        AnnualReport previous = ctx.previousYearApproved().orElse(null);
        return previous != null && previous.year() == ctx.expectedYear() - 1 ? previous : null;
    }
}
