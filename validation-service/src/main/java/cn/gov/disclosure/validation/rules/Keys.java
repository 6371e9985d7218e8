package cn.gov.disclosure.validation.rules;

/**
 * The few catalogue keys single rules need by name (one row or column each, never a list of rows: the rows of a
 * table, their labels and their roles are read from {@link cn.gov.disclosure.contracts.catalogue.TemplateCatalogue}).
 * {@code KeysTest} checks that every key exists in the catalogue.
 */
final class Keys {

    /** Table 2 row 规章 (both templates). */
    static final String T2_RULES = "rules";
    /** Table 2 (2019) columns 上一年项目数量 and 本年增/减. */
    static final String T2_PREVIOUS_YEAR_ITEMS = "previousYearItems";

    static final String T2_CHANGE_THIS_YEAR = "changeThisYear";
    /** Table 2 (2019) columns 本年新公开数量 and 对外公开总数量. */
    static final String T2_NEWLY_PUBLISHED = "newlyPublished";

    static final String T2_TOTAL_PUBLISHED = "totalPublished";
    /** Table 2 (2021) columns 本年制发件数, 本年废止件数, 现行有效件数. */
    static final String T2_ISSUED = "issued";

    static final String T2_REPEALED = "repealed";
    static final String T2_IN_FORCE = "inForce";

    /** Table 3 incoming rows 一、本年新收 and 二、上年结转 (both {@code RowRole.INCOMING}). */
    static final String T3_NEW_RECEIVED = "newReceived";

    static final String T3_CARRIED_OVER = "carriedOver";

    private Keys() {}
}
