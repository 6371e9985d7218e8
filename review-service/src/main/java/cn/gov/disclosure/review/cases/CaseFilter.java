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
public record CaseFilter(Set<State> states, Integer year, String township, List<String> organisations,
                         Boolean hasWarnings, String claimedBy, Boolean claimedByMe, Sort sort, int page, int size) {

    /** The sortable fields, with their column. */
    public enum SortField {
        updatedAt("updated_at"),
        createdAt("created_at"),
        submittedAt("submitted_at"),
        validatedAt("validated_at"),
        year("year"),
        township("organisation_code"),
        version("version"),
        state("state"),
        warnings("warning_count"),
        id("id");

        private final String column;

        SortField(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    public record Sort(SortField field, boolean descending) {
        @Override
        public String toString() {
            return field.name() + "," + (descending ? "desc" : "asc");
        }
    }
}
