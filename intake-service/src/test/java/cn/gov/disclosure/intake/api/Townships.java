package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.support.security.Roles;

/** The seed townships and their counties, as in deploy/organisations.json, with tokens for their users. */
final class Townships {
    static final String ZIMAO = "350582107";      // seed 000, 晋江市
    static final String NANKOU = "110114102";     // seed 001, 昌平区
    static final String CHANGFU = "360982103";    // seed 002, 樟树市
    static final String HONGXING = "230724100";   // seed 003
    static final String HUIMENG = "410308101";    // seed 004, 孟津区
    /** Townships without a seed of their own, so that tests do not share a report. */
    static final String CHIDIAN = "350582102";
    static final String SHENHU = "350582104";
    static final String JINJING = "350582105";
    static final String JINJIANG = "350582";
    static final String MENGJIN = "410308";

    static final String[] SEED_ORGS = {ZIMAO, NANKOU, CHANGFU, HONGXING, HUIMENG};

    private Townships() {
    }

    static String submitter(String org) {
        return "Bearer " + TestTokens.token("staff-" + org, Roles.TOWNSHIP_SUBMITTER, org);
    }

    static String reviewer(String county) {
        return "Bearer " + TestTokens.token("reviewer-" + county, Roles.COUNTY_REVIEWER, county);
    }

    static String provinceAdmin() {
        return "Bearer " + TestTokens.token("province-admin", Roles.PROVINCE_ADMIN, "350000");
    }
}
