package cn.gov.disclosure.support.security;

/** The roles of the platform, as they appear in the tokens. */
public final class Roles {
    public static final String TOWNSHIP_SUBMITTER = "township-submitter";
    public static final String COUNTY_REVIEWER = "county-reviewer";
    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String OPERATOR = "operator";

    /** The token claim holding the user's organisation code. */
    public static final String ORG_CLAIM = "org";

    private Roles() {}
}
