package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.review.domain.CaseIds;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Action;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.reminders.Reminders;
import cn.gov.disclosure.review.store.Cases;
import cn.gov.disclosure.review.store.MailOutbox;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every change of a case, each in one transaction: the row (optimistically locked), its audit entry, and for a
 * decision the acknowledgements, the approved report and the <em>review decided</em> event in the outbox.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    /** The actor of what the service does by itself (creating and superseding cases). */
    public static final String SYSTEM = "review-service";

    public static final String SYSTEM_NAME = "系统 / system";

    private final Cases store;
    private final Access access;
    private final Outbox outbox;
    private final MailOutbox mails;
    private final OrganisationRegistry registry;
    private final Clock clock;

    public ReviewService(
            Cases store, Access access, Outbox outbox, MailOutbox mails, OrganisationRegistry registry, Clock clock) {
        this.store = store;
        this.mails = mails;
        this.access = access;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Opens the case of a validated version (once: a repeated event changes nothing) and supersedes the open cases
     * of older versions. A version older than one already here is recorded, and superseded at once.
     *
     * @param traceparent the submission's trace (the record's), kept for the decision's event; null when none
     * @return false when the version had a case already
     * @throws EventCodec.MalformedEventException when the event lacks what a case needs (it goes to the DLQ)
     */
    @Transactional
    public boolean receive(ReportValidated v, String traceparent) {
        if (v.reportId() == null
                || v.reportId().isBlank()
                || v.version() < 1
                || v.organisationCode() == null
                || v.organisationCode().isBlank()
                || v.report() == null) {
            throw new EventCodec.MalformedEventException(
                    "report validated without report id, version, organisation " + "or report: " + v.reportId() + " v"
                            + v.version(),
                    null);
        }
        OffsetDateTime now = now();
        String id = CaseIds.of(v.reportId(), v.version());
        int newest = store.maxVersion(v.reportId());
        State initial = ReviewStateMachine.initial(v.passed());
        int errors = (int) v.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        int warnings = (int) v.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .count();
        String county = registry.ancestor(v.organisationCode(), OrganisationRegistry.Level.COUNTY)
                .map(OrganisationRegistry.Organisation::code)
                .orElse(v.countyCode());
        String name = v.organisationName() != null
                ? v.organisationName()
                : registry.find(v.organisationCode())
                        .map(OrganisationRegistry.Organisation::officialName)
                        .orElse(null);
        boolean inserted = store.insert(
                new Cases.NewCase(
                        id,
                        v.reportId(),
                        v.version(),
                        v.organisationCode(),
                        name,
                        county,
                        v.year(),
                        initial,
                        v.passed(),
                        errors,
                        warnings,
                        v.findings(),
                        v.report(),
                        new Cases.DocumentReading(v.importNotes(), v.provenance()),
                        v.submittedAt(),
                        v.validatedAt(),
                        now),
                traceparent);
        if (!inserted) {
            LOG.infof("Case %s exists already; report validated ignored", id);
            return false;
        }
        store.appendAudit(
                id,
                now,
                SYSTEM,
                SYSTEM_NAME,
                null,
                initial,
                v.passed()
                        ? (warnings == 0
                                ? "校验通过 / passed validation"
                                : "校验通过，有 " + warnings + " 条警告 / passed validation with " + warnings + " warning(s)")
                        : "校验未通过，有 " + errors + " 个错误 / failed validation with " + errors + " error(s)");
        if (newest > v.version()) {
            String newer = CaseIds.of(v.reportId(), newest);
            supersede(store.find(id).orElseThrow(), newer, newest, now);
        } else {
            for (ReviewCase older : store.lockSupersedable(v.reportId(), v.version())) {
                supersede(older, id, v.version(), now);
            }
        }
        if (store.isWithdrawn(v.reportId(), v.version())) {
            withdraw(id, "乡镇已撤回该版本 / the township withdrew this version", now);
        }
        LOG.infof("Case %s opened: %s", id, initial);
        return true;
    }

    /**
     * The township withdrew a version: its case (now, or when validation's result arrives) ends as WITHDRAWN,
     * whoever holds it. A decided case stays as it is (intake refuses a withdrawal after a decision).
     */
    @Transactional
    public void withdrawn(ReportWithdrawn w) {
        if (w.reportId() == null || w.version() < 1) {
            throw new EventCodec.MalformedEventException("report withdrawn without report id or version", null);
        }
        if (store.saveWithdrawal(w)) {
            withdraw(CaseIds.of(w.reportId(), w.version()), "乡镇撤回了该版本 / the township withdrew this version", now());
        }
    }

    private void withdraw(String id, String comment, OffsetDateTime now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<ReviewCase> c = store.lock(id);
            if (c.isEmpty()
                    || ReviewStateMachine.target(c.get().state(), Action.WITHDRAW)
                            .isEmpty()) {
                return;
            }
            ReviewStateMachine.Transition t = ReviewStateMachine.decide(
                    new ReviewStateMachine.Facts(c.get().state(), c.get().claimedBy(), List.of()),
                    ReviewStateMachine.Command.of(Action.WITHDRAW, SYSTEM));
            if (store.applyTransition(id, c.get().rowVersion(), t, SYSTEM, SYSTEM_NAME, now, null)) {
                store.appendAudit(id, now, SYSTEM, SYSTEM_NAME, t.from(), t.to(), comment);
                return;
            }
        }
        throw new IllegalStateException("Case " + id + " kept changing while being withdrawn");
    }

    private void supersede(ReviewCase c, String byCaseId, int byVersion, OffsetDateTime now) {
        ReviewStateMachine.Transition t = ReviewStateMachine.decide(
                new ReviewStateMachine.Facts(c.state(), c.claimedBy(), List.of()),
                ReviewStateMachine.Command.of(Action.SUPERSEDE, SYSTEM));
        if (!store.applyTransition(c.id(), c.rowVersion(), t, SYSTEM, SYSTEM_NAME, now, byCaseId)) {
            throw new IllegalStateException("Case " + c.id() + " changed while being superseded");
        }
        store.appendAudit(
                c.id(),
                now,
                SYSTEM,
                SYSTEM_NAME,
                t.from(),
                t.to(),
                "已被第 " + byVersion + " 版取代 / superseded by version " + byVersion);
    }

    /**
     * Keeps an earlier year's report loaded as history, for the next year's case (beside it) and the summaries;
     * never in place of a report approved here. The next year's cases show it: their representation changes.
     */
    @Transactional
    public void history(HistoryImported h) {
        if (h.reportId() == null || h.organisationCode() == null || h.report() == null || h.importedAt() == null) {
            throw new EventCodec.MalformedEventException(
                    "history imported without its report, organisation or time", null);
        }
        store.saveHistory(h.organisationCode(), h.year(), h.reportId(), h.report(), h.importedAt());
        store.touchYear(h.organisationCode(), h.year() + 1);
        LOG.infof("%s's report of %d kept from history (%s)", h.organisationCode(), h.year(), h.sourceName());
    }

    /**
     * Records a publication (once): it appears in the case's audit trail (审核记录: published on the portal, with the
     * address) and moves the case's ETag on.
     */
    @Transactional
    public void published(ReportPublished p) {
        if (p.reportId() == null || p.publishedAt() == null || p.organisationCode() == null) {
            throw new EventCodec.MalformedEventException(
                    "report published without report id, organisation or time", null);
        }
        if (store.savePublication(p)) {
            String id = CaseIds.of(p.reportId(), p.version());
            Optional<ReviewCase> c = store.find(id);
            if (c.isPresent()) {
                store.appendAudit(
                        id,
                        p.publishedAt(),
                        SYSTEM,
                        SYSTEM_NAME,
                        c.get().state(),
                        c.get().state(),
                        "已在政府门户公开：" + (p.publicUrl() == null ? "" : p.publicUrl()) + " / published on the portal");
                store.touch(id);
            }
        }
    }

    /**
     * A reviewer's action on a case.
     *
     * @param expected the version of the case the reviewer acted on
     * @return the case after the transition
     * @throws ProblemException 404 no such case, 403 another county's case, 428 no version named, 412 a stale one,
     *                          409 illegal transition or not the claimer, 400 comment or acknowledgements missing
     */
    @Transactional
    public ReviewCase act(Caller caller, String caseId, ExpectedVersion expected, ReviewStateMachine.Command command) {
        ReviewCase c = store.lock(caseId).orElseThrow(() -> notFound(caseId));
        access.requireDecide(caller, c);
        if (!expected.named()) {
            throw CaseProblem.preconditionRequired(c);
        }
        if (!expected.matches(c.rowVersion())) {
            throw CaseProblem.stale(c, expected.stated());
        }
        List<Finding> findings = command.action() == Action.APPROVE ? store.findings(c.id()) : List.of();
        ReviewStateMachine.Transition t;
        try {
            t = ReviewStateMachine.decide(new ReviewStateMachine.Facts(c.state(), c.claimedBy(), findings), command);
        } catch (ReviewStateMachine.Rejected r) {
            throw CaseProblem.rejected(c, r);
        }
        OffsetDateTime now = now();
        if (!store.applyTransition(c.id(), c.rowVersion(), t, caller.subject(), caller.name(), now, null)) {
            throw CaseProblem.stale(c, expected.stated()); // cannot happen under the row lock; kept as the last guard
        }
        store.appendAudit(c.id(), now, caller.subject(), caller.name(), t.from(), t.to(), t.comment());
        if (t.action() == Action.APPROVE || t.action() == Action.RETURN) {
            decided(c, t, caller, findings, now);
        }
        LOG.infof("Case %s: %s → %s by %s", c.id(), t.from(), t.to(), caller.subject());
        return store.find(c.id()).orElseThrow();
    }

    private void decided(
            ReviewCase c, ReviewStateMachine.Transition t, Caller caller, List<Finding> findings, OffsetDateTime now) {
        AnnualReport report = store.report(c.id()).orElseThrow();
        List<ReviewDecided.Acknowledgement> acks = t.acknowledgements().stream()
                .map(a -> new ReviewDecided.Acknowledgement(
                        a.findingCode(), a.row(), a.column(), caller.subject(), now, a.note()))
                .toList();
        ReviewDecided.Decision decision;
        if (t.action() == Action.APPROVE) {
            decision = ReviewDecided.Decision.APPROVED;
            store.saveAcknowledgements(c.id(), acks, caller.name());
            store.saveApproved(c.organisationCode(), c.year(), c.reportId(), c.version(), c.id(), report, now);
            // next year's cases show this report beside theirs: their representation (and ETag) changes
            store.touchYear(c.organisationCode(), c.year() + 1);
        } else {
            decision = ReviewDecided.Decision.RETURNED;
            findings = store.findings(c.id());
            // the township hears of it by mail too, stored with the decision (the mail relay sends it)
            Reminders.returned(
                            registry.find(c.organisationCode()).orElse(null),
                            c,
                            t.comment(),
                            registry.find(c.countyCode())
                                    .map(OrganisationRegistry.Organisation::name)
                                    .orElse(null))
                    .ifPresent(mails::add);
        }
        // the decision continues the submission's trace (the reviewer's request is a trace of its own)
        outbox.enqueue(
                new ReviewDecided(
                        c.reportId(),
                        c.version(),
                        c.organisationCode(),
                        c.organisationName(),
                        c.countyCode(),
                        c.year(),
                        decision,
                        t.comment(),
                        caller.subject(),
                        now,
                        report,
                        findings,
                        acks,
                        store.audit(c.id())),
                store.originTrace(c.id()));
    }

    public ReviewCase read(Caller caller, String caseId) {
        ReviewCase c = store.find(caseId).orElseThrow(() -> notFound(caseId));
        access.requireRead(caller, c);
        return c;
    }

    static ProblemException notFound(String caseId) {
        return ProblemException.notFound("审核案件 " + caseId, "review case " + caseId);
    }
}
