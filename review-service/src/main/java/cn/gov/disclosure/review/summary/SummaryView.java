package cn.gov.disclosure.review.summary;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Organisation;
import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.store.Cases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The county summary (全县汇总) of a reporting year: Tables 2, 3 and 4 summed over the county's townships' approved
 * reports, the townships still without one named; for the province (全省汇总) the same over its counties, each county
 * the sum of its townships. Each member carries the rule codes its approved case was found with, so that a summary
 * the rules find inconsistent can name the townships that make it so (a sum of consistent tables is consistent).
 */
@ApplicationScoped
public class SummaryView {

    /** A member of the summary: a township (its approved case) or a county (its townships' codes together). */
    public record MemberView(String code, String name, String caseId, List<String> findingCodes) {}

    /** A township without an approved report for the year. */
    public record Missing(String code, String name, String countyName) {}

    /** Each county of the scope, summed or not: its townships and how many of them have an approved report. */
    public record CountyProgress(String code, String name, int townships, int approved) {}

    public record Summary(
            int year,
            String scopeCode,
            String scopeName,
            boolean province,
            List<MemberView> members,
            List<Missing> missing,
            int townships,
            List<CountyProgress> counties,
            TableSums.Summary sums) {}

    private final Cases store;
    private final OrganisationRegistry registry;

    public SummaryView(Cases store, OrganisationRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Transactional
    public Summary of(int year, Access.Scope scope) {
        List<TableSums.Member> members = new ArrayList<>();
        List<MemberView> views = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        List<CountyProgress> counties = new ArrayList<>();
        int townships = 0;
        for (Organisation county : scope.counties()) {
            List<Organisation> within = registry.townshipsWithin(county.code());
            townships += within.size();
            Map<String, Cases.ApprovedWithFindings> approved = new LinkedHashMap<>();
            store.approvedReports(year, within.stream().map(Organisation::code).toList())
                    .forEach(a -> approved.put(a.organisationCode(), a));
            List<TableSums.Member> countyMembers = new ArrayList<>();
            TreeSet<String> countyCodes = new TreeSet<>();
            for (Organisation t : within) {
                Cases.ApprovedWithFindings a = approved.get(t.code());
                if (a == null) {
                    missing.add(new Missing(t.code(), t.officialName(), county.name()));
                    continue;
                }
                List<String> codes = codes(a.findings());
                countyMembers.add(new TableSums.Member(t.code(), t.officialName(), a.report()));
                countyCodes.addAll(codes);
                if (!scope.province()) {
                    views.add(new MemberView(t.code(), t.officialName(), a.caseId(), codes));
                }
            }
            counties.add(new CountyProgress(county.code(), county.name(), within.size(), countyMembers.size()));
            if (scope.province()) {
                if (countyMembers.isEmpty()) {
                    continue; // a county with no approved report adds nothing; its townships are listed as missing
                }
                TableSums.Summary countySum = TableSums.of(year, county.name() + "（汇总）", countyMembers);
                members.add(new TableSums.Member(county.code(), county.name(), countySum.asReport()));
                views.add(new MemberView(county.code(), county.name(), null, List.copyOf(countyCodes)));
            } else {
                members.addAll(countyMembers);
            }
        }
        String name = scope.province()
                ? "全省"
                : scope.counties().isEmpty()
                        ? scope.code()
                        : scope.counties().get(0).name();
        TableSums.Summary sums = TableSums.of(year, name + (scope.province() ? "汇总" : "（全县汇总）"), members);
        // the members the sums left out (another template) are not members of the view either
        List<String> summed =
                sums.members().stream().map(TableSums.Member::code).toList();
        List<MemberView> kept =
                views.stream().filter(v -> summed.contains(v.code())).toList();
        return new Summary(year, scope.code(), name, scope.province(), kept, missing, townships, counties, sums);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).distinct().sorted().toList();
    }
}
