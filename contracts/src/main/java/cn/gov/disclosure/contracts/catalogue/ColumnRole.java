package cn.gov.disclosure.contracts.catalogue;

/** How a column takes part in the sums of its table. */
public enum ColumnRole {
    /** A value of its own (Table 2). */
    VALUE,
    /** One of the parts that the row's total column adds up. */
    PART,
    /** The row's total of the {@link #PART} columns. */
    TOTAL
}
