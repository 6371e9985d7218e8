package cn.gov.disclosure.contracts.catalogue;

/** How a row takes part in the sums of Table 3 (其余表格的行均为 {@link #VALUE}). */
public enum RowRole {
    /** A row of its own (Tables 2 and 4). */
    VALUE,
    /** 一、本年新收 and 二、上年结转: what came in. */
    INCOMING,
    /** An item of 三、本年度办理结果 (（一）…（六）, their numbered sub-items where the template has them). */
    RESULT,
    /** 三（七）总计: the sum of every {@link #RESULT} row. */
    RESULT_TOTAL,
    /** 四、结转下年度继续办理. */
    CARRIED_FORWARD
}
