package cn.gov.disclosure.intake.submission;

/**
 * Where a version of a report stands, as the township sees it. The other services tell intake through their events;
 * a state only moves forward ({@link #rank}), so an event that arrives late changes nothing.
 */
public enum VersionState {
    /** Received; the validation service is checking it (验证中). */
    SUBMITTED(0, "已提交，校验中"),
    /** Validation found errors; the township must correct and resubmit. */
    VALIDATION_FAILED(1, "校验未通过"),
    /** Passed validation; waiting for the county. */
    AWAITING_REVIEW(1, "待审核"),
    /** The county returned it with a comment. */
    RETURNED(2, "已退回"),
    /** The county approved it. */
    APPROVED(2, "已通过"),
    /** On the government portal. */
    PUBLISHED(3, "已公开"),
    /** The township withdrew it before review started. */
    WITHDRAWN(9, "已撤回");

    private final int rank;
    private final String labelZh;

    VersionState(int rank, String labelZh) {
        this.rank = rank;
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Whether an event reporting {@code next} may move a version from this state. */
    public boolean mayAdvanceTo(VersionState next) {
        return this != WITHDRAWN && next.rank > rank;
    }

    /** A new version may be sent unless the report has been approved or published. */
    public boolean allowsNewVersion() {
        return this != APPROVED && this != PUBLISHED;
    }

    /** A version can be withdrawn while no reviewer has decided on it. */
    public boolean allowsWithdrawal() {
        return this == SUBMITTED || this == VALIDATION_FAILED || this == AWAITING_REVIEW;
    }
}
