package cn.gov.disclosure.validation.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule the validation service applies, in the order findings are reported: structural checks, numeric checks,
 * checks against the previous year, plausibility of the narrative. Codes are stable: findings, stored decisions and
 * the front-end refer to them.
 */
public final class RuleCatalogue {

    private static final List<Rule> ALL = List.of(
            // structural (ERROR, SECTION-EMPTY a warning)
            new SectionMissingRule(),
            new SectionOrderRule(),
            new SectionEmptyRule(),
            new TemplateMismatchRule(),
            new OrganisationMismatchRule(),
            new YearMismatchRule(),
            new TableMissingRule(),
            new CellMissingRule(),
            new CellUnexpectedRule(),
            // numeric (ERROR)
            new CellWholeNumberRule(),
            new CellNonNegativeRule(),
            new CellMoneyScaleRule(),
            RowTotalRule.applications(),
            new ResultTotalRule(),
            new BalanceRule(),
            RowTotalRule.reviewsAndLitigation(),
            // numeric plausibility (WARNING)
            new CellUnitMismatchRule(),
            new MoneyUnitMissingRule(),
            ActiveDisclosureBoundRule.itemsNegative(),
            ActiveDisclosureBoundRule.publishedTotal(),
            ActiveDisclosureBoundRule.inForceBound(),
            // against the previous year (WARNING; INFO when there is none)
            new PreviousYearUnavailableRule(),
            new PreviousCarriedOverRule(),
            PreviousActiveDisclosureRule.inForce(),
            PreviousActiveDisclosureRule.items(),
            // plausibility (WARNING)
            new RulesAtTownshipRule(),
            new NarrativeApplicationsRule(),
            new NarrativeLitigationRule(),
            new NarrativeBreakdownRule(),
            new NarrativePercentRule(),
            new FeeNotStatedRule());

    private static final List<RuleInfo> INFOS = ALL.stream().map(Rule::info).toList();

    static {
        Set<String> codes = new HashSet<>();
        for (RuleInfo i : INFOS) {
            if (!codes.add(i.code())) {
                throw new IllegalStateException("duplicate rule code " + i.code());
            }
        }
    }

    private RuleCatalogue() {}

    /** The rules (stateless, thread-safe, shared). */
    public static List<Rule> all() {
        return ALL;
    }

    public static List<RuleInfo> infos() {
        return INFOS;
    }

    /** The rule with the code, or {@code null}. */
    public static Rule byCode(String code) {
        for (Rule r : ALL) {
            if (r.info().code().equals(code)) {
                return r;
            }
        }
        return null;
    }
}
