package cn.gov.disclosure.contracts.catalogue;

/** What a cell may hold. */
public enum ValueKind {
    /** A whole number ≥ 0. */
    COUNT,
    /** A whole number that may be negative (本年增/减). */
    SIGNED_COUNT,
    /** An amount of money ≥ 0, with its unit. */
    MONEY
}
