package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.events.ReportIds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.intake.store.Histories;
import cn.gov.disclosure.intake.store.Versions;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reading reports, limited to what the caller may see. */
@ApplicationScoped
public class ReportQueries {

    private final Versions repository;
    private final Histories histories;
    private final OrganisationRegistry registry;

    public ReportQueries(Versions repository, Histories histories, OrganisationRegistry registry) {
        this.histories = histories;
        this.repository = repository;
        this.registry = registry;
    }

    /** Every version of a report, oldest first. */
    public List<ReportVersion> versions(Caller caller, String reportId) {
        List<ReportVersion> versions = repository.versions(reportId);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("报告 " + reportId, "report " + reportId);
        }
        requireVisible(caller, versions.get(0).organisationCode());
        return versions;
    }

    public ReportVersion version(Caller caller, String reportId, int version) {
        ReportVersion v = repository
                .find(reportId, version)
                .orElseThrow(() -> ProblemException.notFound(
                        "报告 " + reportId + " 第 " + version + " 版", "report " + reportId + " version " + version));
        requireVisible(caller, v.organisationCode());
        return v;
    }

    /** The latest version of each report the caller may see, for a year or all years. */
    public List<ReportVersion> latest(Caller caller, Integer year) {
        if (caller.is(Roles.PROVINCE_ADMIN)) {
            return repository.latestVersions(null, year);
        }
        if (caller.is(Roles.COUNTY_REVIEWER)) {
            return repository.latestVersions(
                    registry.townshipsWithin(caller.organisationCode()).stream()
                            .map(OrganisationRegistry.Organisation::code)
                            .toList(),
                    year);
        }
        return repository.latestVersions(List.of(String.valueOf(caller.organisationCode())), year);
    }

    /**
     * The caller's own approved (or published) report of a year, the latest such version: what a new year starts from.
     */
    public Optional<ReportVersion> approved(Caller caller, int year) {
        String reportId = ReportIds.of(caller.organisationCode(), year);
        List<ReportVersion> versions = repository.versions(reportId);
        for (int i = versions.size() - 1; i >= 0; i--) {
            VersionState s = versions.get(i).state();
            if (s == VersionState.APPROVED || s == VersionState.PUBLISHED) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The caller's organisation's report of a year loaded as history by the province, if any. */
    public Optional<AnnualReport> history(Caller caller, int year) {
        return histories.current(caller.organisationCode(), year).map(h -> h.report);
    }

    /** The caller's organisation's official name (as a report names it), if the registry knows the organisation. */
    public Optional<String> organisationName(Caller caller) {
        return registry.find(caller.organisationCode()).map(OrganisationRegistry.Organisation::officialName);
    }

    private void requireVisible(Caller caller, String organisationCode) {
        boolean visible = caller.is(Roles.PROVINCE_ADMIN)
                || (caller.is(Roles.TOWNSHIP_SUBMITTER) && organisationCode.equals(caller.organisationCode()))
                || (caller.is(Roles.COUNTY_REVIEWER)
                        && caller.organisationCode() != null
                        && registry.isWithin(organisationCode, caller.organisationCode()));
        if (!visible) {
            throw ProblemException.forbidden("该报告不属于您的单位", "the report belongs to another organisation");
        }
    }
}
