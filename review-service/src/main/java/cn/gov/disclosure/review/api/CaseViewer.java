package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.cases.ETag;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.store.Cases;
import cn.gov.disclosure.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds the API's views of cases. */
@ApplicationScoped
public class CaseViewer {

    private final Cases store;
    private final Access access;
    private final OrganisationRegistry registry;

    public CaseViewer(Cases store, Access access, OrganisationRegistry registry) {
        this.store = store;
        this.access = access;
        this.registry = registry;
    }

    public CaseViews.CaseSummary summary(ReviewCase c) {
        return new CaseViews.CaseSummary(
                c.id(),
                c.reportId(),
                c.version(),
                c.organisationCode(),
                c.organisationName(),
                c.countyCode(),
                countyName(c.countyCode()),
                c.year(),
                c.state(),
                c.state().labelZh(),
                c.passed(),
                c.errorCount(),
                c.warningCount(),
                claimer(c),
                c.claimedAt(),
                c.submittedAt(),
                c.validatedAt(),
                c.createdAt(),
                c.updatedAt(),
                ETag.of(c.rowVersion()));
    }

    public CaseViews.CaseDetail detail(ReviewCase c, Caller caller) {
        List<Finding> findings = store.findings(c.id());
        List<String> allowed = access.mayDecide(caller, c)
                ? ReviewStateMachine.allowedActions(
                                new ReviewStateMachine.Facts(c.state(), c.claimedBy(), findings), caller.subject())
                        .stream()
                        .map(ReviewStateMachine.Action::pathName)
                        .toList()
                : List.of();
        List<CaseViews.WarningKey> warnings = ReviewStateMachine.warningsToAcknowledge(findings).stream()
                .map(k -> new CaseViews.WarningKey(k.code(), k.row(), k.column()))
                .toList();
        CaseViews.Decision decision = c.decidedAt() == null
                ? null
                : new CaseViews.Decision(
                        // an approved case stays approved; any other decided case was returned (and maybe superseded
                        // since)
                        c.state() == State.APPROVED ? ReviewDecided.Decision.APPROVED : ReviewDecided.Decision.RETURNED,
                        new CaseViews.Person(c.decidedBy(), c.decidedByName()),
                        c.decidedAt(),
                        c.decisionComment());
        CaseViews.Publication publication = store.publication(c.reportId(), c.version())
                .map(p -> new CaseViews.Publication(p.publicUrl(), p.archiveId(), p.publishedAt()))
                .orElse(null);
        CaseViews.PreviousVersion previous = store.previousVersion(c.reportId(), c.version())
                .map(p -> new CaseViews.PreviousVersion(
                        p.id(),
                        p.version(),
                        p.state(),
                        p.validatedAt(),
                        store.findings(p.id()),
                        store.report(p.id()).orElse(null)))
                .orElse(null);
        CaseViews.LastYearApproved lastYear = store.approved(c.organisationCode(), c.year() - 1)
                .map(a -> new CaseViews.LastYearApproved(
                        a.caseId(),
                        a.reportId(),
                        a.year(),
                        a.version(),
                        a.approvedAt(),
                        a.history(),
                        store.approvedReport(c.organisationCode(), c.year() - 1).orElse(null)))
                .orElse(null);
        return new CaseViews.CaseDetail(
                c.id(),
                c.reportId(),
                c.version(),
                c.organisationCode(),
                c.organisationName(),
                c.countyCode(),
                countyName(c.countyCode()),
                c.year(),
                c.state(),
                c.state().labelZh(),
                c.passed(),
                c.errorCount(),
                c.warningCount(),
                claimer(c),
                c.claimedAt(),
                c.submittedAt(),
                c.validatedAt(),
                c.createdAt(),
                c.updatedAt(),
                ETag.of(c.rowVersion()),
                allowed,
                findings,
                warnings,
                store.report(c.id()).orElse(null),
                store.reading(c.id()),
                decision,
                store.acknowledgements(c.id()),
                publication,
                c.supersededBy(),
                previous,
                lastYear);
    }

    private static CaseViews.Person claimer(ReviewCase c) {
        return c.claimedBy() == null ? null : new CaseViews.Person(c.claimedBy(), c.claimedByName());
    }

    private String countyName(String code) {
        return registry.find(code).map(OrganisationRegistry.Organisation::name).orElse(null);
    }
}
