package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.support.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The seed townships and their counties, as in deploy/organisations.json, with tokens for their users. */
final class Townships {
    static final String ZIMAO = "350582107"; // seed 000, 晋江市
    static final String NANKOU = "110114102"; // seed 001, 昌平区
    static final String CHANGFU = "360982103"; // seed 002, 樟树市
    static final String HONGXING = "230724100"; // seed 003
    static final String HUIMENG = "410308101"; // seed 004, 孟津区
    /** Townships without a seed of their own, so that tests do not share a report. */
    static final String CHIDIAN = "350582102";

    static final String SHENHU = "350582104";
    static final String JINJING = "350582105";
    static final String PINGLE = "410308102"; // 平乐镇, 孟津区: drafts
    static final String JINJIANG = "350582";
    static final String MENGJIN = "410308";

    static final String[] SEED_ORGS = {ZIMAO, NANKOU, CHANGFU, HONGXING, HUIMENG};

    private Townships() {}

    /**
     * A seed's golden JSON as another township would send it: the organ it names replaced (intake refuses a report
     * naming another organ than the caller's), and — when {@code variant} is not blank — its section 一 ending with
     * the variant, so that consecutive versions differ.
     */
    static String seedAs(int seed, String organisationName, String variant) {
        try {
            var mapper = ContractsJson.mapper();
            var tree = (ObjectNode) mapper.readTree(GoldenSeeds.json(seed));
            tree.put("organisationName", organisationName);
            if (variant != null && !variant.isBlank()) {
                var section = (ObjectNode) tree.withArray("sections").get(0);
                section.put("text", section.path("text").asText() + variant);
            }
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
