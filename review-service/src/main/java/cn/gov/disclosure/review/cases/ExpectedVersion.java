package cn.gov.disclosure.review.cases;

import java.util.Set;

/**
 * The version of a case a reviewer's action was made on (optimistic locking): the action goes through only when the
 * case is still at one of {@code versions}. {@link #NONE} when the reviewer named no version at all; {@code stated}
 * is what was named, to say it back in an error.
 */
public record ExpectedVersion(boolean named, Set<Long> versions, String stated) {

    public static final ExpectedVersion NONE = new ExpectedVersion(false, Set.of(), "");

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public boolean matches(long rowVersion) {
        return versions.contains(rowVersion);
    }
}
