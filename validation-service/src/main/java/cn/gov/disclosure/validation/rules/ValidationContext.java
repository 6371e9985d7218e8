package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What the system knows about a submission besides the report itself.
 *
 * @param expectedOrganisationName the organ the submission is made for (as the registry names it); {@code null} or
 *                                 blank skips ORG-MISMATCH
 * @param expectedYear             the reporting year the submission is made for
 * @param level                    the level of the submitting organ
 * @param previousYearApproved     the same organ's approved report for {@code expectedYear - 1}, when the system holds it
 */
public record ValidationContext(
        String expectedOrganisationName,
        int expectedYear,
        OrganisationLevel level,
        Optional<AnnualReport> previousYearApproved) {

    public ValidationContext {
        Objects.requireNonNull(level, "level");
        previousYearApproved = previousYearApproved == null ? Optional.empty() : previousYearApproved;
    }

    /** A context that expects exactly the organ and year the report names itself, without a previous year. */
    public static ValidationContext selfDeclared(AnnualReport report, OrganisationLevel level) {
        return new ValidationContext(report.organisationName(), report.year(), level, Optional.empty());
    }

    public ValidationContext withPreviousYear(AnnualReport previous) {
        return new ValidationContext(expectedOrganisationName, expectedYear, level, Optional.ofNullable(previous));
    }
}
