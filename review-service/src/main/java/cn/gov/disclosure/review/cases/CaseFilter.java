package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import java.util.List;
import java.util.Set;

/**
 * What a case list is limited to and how it is ordered.
 *
 * @param organisations the townships the caller may see; null for every township (province)
 * @param claimedBy     with {@code claimedByMe}: the caller's subject
 * @param claimedByMe   true: only cases the caller holds; false: only cases the caller does not hold; null: any
 */
public record CaseFilter(
        Set<State> states,
        Integer year,
        String township,
        List<String> organisations,
        Boolean hasWarnings,
        String claimedBy,
        Boolean claimedByMe,
        Sort sort,
        int page,
        int size) {

    /** The sortable fields (as the API names them), with the case's attribute each orders by. */
    public enum SortField {
        updatedAt("updatedAt"),
        createdAt("createdAt"),
        submittedAt("submittedAt"),
        validatedAt("validatedAt"),
        year("year"),
        township("organisationCode"),
        version("version"),
        state("state"),
        warnings("warningCount"),
        id("id");

        private final String attribute;

        SortField(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }
    }

    public record Sort(SortField field, boolean descending) {
        @Override
        public String toString() {
            return field.name() + "," + (descending ? "desc" : "asc");
        }
    }
}
