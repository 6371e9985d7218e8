package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who may see and decide which case. A {@code county-reviewer} sees and decides the cases of the townships of the
 * county their token names ({@code org} claim = the county's code; membership from the organisation registry);
 * a {@code province-admin} reads every case and decides none; nobody else uses this API (the resources' role checks
 * answer 403 before anything here runs).
 */
@ApplicationScoped
public class Access {

    private final OrganisationRegistry registry;

    public Access(OrganisationRegistry registry) {
        this.registry = registry;
    }

    public boolean readsEverything(Caller caller) {
        return caller.is(Roles.PROVINCE_ADMIN);
    }

    /** The reviewer's county; 403 when the token names no county of the registry. */
    public OrganisationRegistry.Organisation reviewerCounty(Caller caller) {
        if (!caller.is(Roles.COUNTY_REVIEWER)) {
            throw ProblemException.forbidden("只有县级审核人员可以审核报告", "only county reviewers decide on reports");
        }
        return registry.find(caller.organisationCode())
                .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                .orElseThrow(() -> ProblemException.forbidden(
                        "您的令牌未指明所属县（区、县级市）：" + caller.organisationCode(),
                        "your token names no county of the registry: " + caller.organisationCode()));
    }

    /** The counties a view covers, and the scope's code (a county's, or {@code province}). */
    public record Scope(List<OrganisationRegistry.Organisation> counties, String code, boolean province) {}

    /**
     * The counties of a view (completeness, summary) for the caller: a reviewer's own county (403 when another is
     * asked for); for the province every county, or the one asked for.
     */
    public Scope scope(Caller caller, String county) {
        String asked = county == null || county.isBlank() ? null : county.trim();
        if (readsEverything(caller)) {
            List<OrganisationRegistry.Organisation> counties = registry.all().stream()
                    .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                    .filter(o -> asked == null || o.code().equals(asked))
                    .toList();
            return new Scope(counties, asked == null ? "province" : asked, asked == null);
        }
        OrganisationRegistry.Organisation own = reviewerCounty(caller);
        if (asked != null && !asked.equals(own.code())) {
            throw ProblemException.forbidden("您只能查看本县的情况", "you see your own county only");
        }
        return new Scope(List.of(own), own.code(), false);
    }

    /** The townships whose cases the caller sees; null for every township (province). */
    public List<String> visibleTownships(Caller caller) {
        if (readsEverything(caller)) {
            return null;
        }
        return registry.townshipsWithin(reviewerCounty(caller).code()).stream()
                .map(OrganisationRegistry.Organisation::code)
                .toList();
    }

    public void requireRead(Caller caller, ReviewCase c) {
        if (readsEverything(caller)) {
            return;
        }
        requireOwnCounty(caller, c);
    }

    public void requireDecide(Caller caller, ReviewCase c) {
        requireOwnCounty(caller, c);
    }

    /** Whether the caller could take reviewer actions on the case (for the allowed actions shown to the client). */
    public boolean mayDecide(Caller caller, ReviewCase c) {
        if (!caller.is(Roles.COUNTY_REVIEWER)) {
            return false;
        }
        return registry.find(caller.organisationCode())
                .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                .map(county -> registry.isWithin(c.organisationCode(), county.code()))
                .orElse(false);
    }

    private void requireOwnCounty(Caller caller, ReviewCase c) {
        OrganisationRegistry.Organisation county = reviewerCounty(caller);
        if (!registry.isWithin(c.organisationCode(), county.code())) {
            throw ProblemException.forbidden(
                    "该报告不属于您所在县（" + county.name() + "）的乡镇",
                    "the report belongs to a township outside your county " + county.code());
        }
    }
}
