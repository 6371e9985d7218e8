package cn.gov.disclosure.review.store;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.review.cases.CaseFilter;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review cases and what the review keeps around them: the audit trail, the acknowledgements, the approved reports,
 * the publications and the withdrawals. Writes join the caller's transaction.
 */
@ApplicationScoped
public class Cases implements PanacheRepositoryBase<StoredCase, String> {

    /** A case as created from report validated. */
    public record NewCase(
            String id,
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            int year,
            State state,
            boolean passed,
            int errorCount,
            int warningCount,
            List<Finding> findings,
            AnnualReport report,
            DocumentReading reading,
            OffsetDateTime submittedAt,
            OffsetDateTime validatedAt,
            OffsetDateTime at) {}

    /** How the version was read from the township's document: the importer's notes, each cell's provenance. */
    public record DocumentReading(List<String> importNotes, List<CellSource> provenance) {
        public static final DocumentReading NONE = new DocumentReading(List.of(), List.of());
    }

    /** An approved report kept for comparison and for the deadlines view. */
    public record Approved(
            String organisationCode,
            int year,
            String reportId,
            int version,
            String caseId,
            OffsetDateTime approvedAt,
            boolean history) {}

    public record Publication(
            String reportId, int version, String publicUrl, String archiveId, OffsetDateTime publishedAt) {}

    /** What the deadlines view needs of one township and year. */
    public record TownshipYear(
            String organisationCode,
            String latestCaseId,
            Integer latestVersion,
            State latestState,
            OffsetDateTime approvedAt,
            OffsetDateTime publishedAt) {}

    public record Page(List<ReviewCase> items, long total, Map<State, Long> countsByState) {}

    // ------------------------------------------------------------------ cases

    /** Inserts the case with the trace it came with (null: none); false when the version already has one. */
    public boolean insert(NewCase c, String traceparent) {
        if (findByIdOptional(c.id()).isPresent()) {
            return false;
        }
        StoredCase s = new StoredCase();
        s.id = c.id();
        s.reportId = c.reportId();
        s.version = c.version();
        s.organisationCode = c.organisationCode();
        s.organisationName = c.organisationName();
        s.countyCode = c.countyCode();
        s.year = c.year();
        s.state = c.state();
        s.passed = c.passed();
        s.errorCount = c.errorCount();
        s.warningCount = c.warningCount();
        s.findings = c.findings();
        s.report = c.report();
        s.importNotes = c.reading().importNotes();
        s.provenance = c.reading().provenance();
        s.submittedAt = c.submittedAt();
        s.validatedAt = c.validatedAt();
        s.createdAt = c.at();
        s.updatedAt = c.at();
        s.originTraceparent = traceparent;
        s.rowVersion = 1;
        persist(s);
        return true;
    }

    /** The trace of the submission a case came from; null when it came without one. */
    public String originTrace(String id) {
        return findByIdOptional(id).map(c -> c.originTraceparent).orElse(null);
    }

    public Optional<ReviewCase> find(String id) {
        return findByIdOptional(id).map(StoredCase::toCase);
    }

    /** The case, locked until the transaction ends (concurrent changes wait, then see the new row version). */
    public Optional<ReviewCase> lock(String id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE)).map(StoredCase::toCase);
    }

    /** The cases of older versions of a report that are still open (a newer version supersedes them), locked. */
    public List<ReviewCase> lockSupersedable(String reportId, int newerVersion) {
        if (newerVersion <= 1) {
            return List.of(); // a first version supersedes nothing: no query
        }
        List<State> states = Arrays.stream(State.values())
                .filter(s -> ReviewStateMachine.target(s, ReviewStateMachine.Action.SUPERSEDE)
                        .isPresent())
                .toList();
        return find(
                        "reportId = ?1 and version < ?2 and state in ?3",
                        Sort.by("version"),
                        reportId,
                        newerVersion,
                        states)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .stream()
                .map(StoredCase::toCase)
                .toList();
    }

    /** The highest version of a report that has a case (0 when none). */
    public int maxVersion(String reportId) {
        Integer max = getEntityManager()
                .createQuery("select max(c.version) from StoredCase c where c.reportId = ?1", Integer.class)
                .setParameter(1, reportId)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** The case of the version before {@code version} (the highest lower version that has a case). */
    public Optional<ReviewCase> previousVersion(String reportId, int version) {
        return find("reportId = ?1 and version < ?2", Sort.descending("version"), reportId, version)
                .firstResultOptional()
                .map(StoredCase::toCase);
    }

    /**
     * Writes a transition; false when the case's row version is no longer {@code expectedRowVersion} (its
     * {@code @Version}, moved on by the flush).
     */
    public boolean applyTransition(
            String id,
            long expectedRowVersion,
            ReviewStateMachine.Transition t,
            String actor,
            String actorName,
            OffsetDateTime at,
            String supersededBy) {
        StoredCase c = findById(id);
        if (c == null || c.rowVersion != expectedRowVersion) {
            return false;
        }
        boolean claimed = t.to() == State.IN_REVIEW;
        boolean decision =
                t.action() == ReviewStateMachine.Action.APPROVE || t.action() == ReviewStateMachine.Action.RETURN;
        c.state = t.to();
        c.updatedAt = at;
        c.claimedBy = claimed ? t.claimedBy() : null;
        c.claimedByName = claimed ? actorName : null;
        c.claimedAt = !claimed ? null : t.action() == ReviewStateMachine.Action.CLAIM ? at : c.claimedAt;
        if (decision) {
            c.decidedBy = actor;
            c.decidedByName = actorName;
            c.decidedAt = at;
            c.decisionComment = t.comment();
        }
        if (supersededBy != null) {
            c.supersededBy = supersededBy;
        }
        getEntityManager().flush();
        return true;
    }

    /**
     * Marks the case's representation changed without a transition (its ETag moves on, so cached copies and
     * If-Match tokens of the old representation no longer count). {@code updated_at} stays: it dates review changes.
     */
    public void touch(String id) {
        StoredCase c = findById(id);
        if (c != null) {
            getEntityManager().lock(c, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
    }

    /** {@link #touch} for every case of an organisation's year (e.g. when last year's approved report appears). */
    public void touchYear(String organisationCode, int year) {
        update("rowVersion = rowVersion + 1 where organisationCode = ?1 and year = ?2", organisationCode, year);
    }

    public List<Finding> findings(String id) {
        return findByIdOptional(id).map(c -> c.findings).orElse(List.of());
    }

    /** How the case's version was read from its document ({@link DocumentReading#NONE} when it came as JSON). */
    public DocumentReading reading(String id) {
        return findByIdOptional(id)
                .map(c -> new DocumentReading(c.importNotes, c.provenance))
                .orElse(DocumentReading.NONE);
    }

    public Optional<AnnualReport> report(String id) {
        return findByIdOptional(id).map(c -> c.report);
    }

    // ------------------------------------------------------------------ audit, acknowledgements

    public void appendAudit(
            String caseId, OffsetDateTime at, String actor, String actorName, State from, State to, String comment) {
        AuditEntry e = new AuditEntry();
        e.caseId = caseId;
        e.at = at;
        e.actor = actor;
        e.actorName = actorName;
        e.fromState = from == null ? null : from.name();
        e.toState = to.name();
        e.comment = comment;
        getEntityManager().persist(e);
    }

    public List<ReviewDecided.AuditEntry> audit(String caseId) {
        return em().createQuery("from AuditEntry where caseId = ?1 order by seq", AuditEntry.class)
                .setParameter(1, caseId)
                .getResultStream()
                .map(AuditEntry::entry)
                .toList();
    }

    public void saveAcknowledgements(String caseId, List<ReviewDecided.Acknowledgement> acks, String byName) {
        int seq = 1;
        for (ReviewDecided.Acknowledgement a : acks) {
            Acknowledgement row = new Acknowledgement();
            row.caseId = caseId;
            row.seq = seq++;
            row.findingCode = a.findingCode();
            row.rowKey = a.row();
            row.columnKey = a.column();
            row.note = a.note();
            row.acknowledgedBy = a.acknowledgedBy();
            row.acknowledgedByName = byName;
            row.acknowledgedAt = a.acknowledgedAt();
            em().persist(row);
        }
    }

    public List<ReviewDecided.Acknowledgement> acknowledgements(String caseId) {
        return em().createQuery("from Acknowledgement where caseId = ?1 order by seq", Acknowledgement.class)
                .setParameter(1, caseId)
                .getResultStream()
                .map(Acknowledgement::acknowledgement)
                .toList();
    }

    // ------------------------------------------------------------------ approved reports, publications

    /**
     * Keeps the approved report of an organisation's year; a later approved version replaces an earlier one. One
     * statement, PostgreSQL's upsert ({@code INSERT … ON CONFLICT DO UPDATE … WHERE}): approving is the action
     * counted most closely (StatementCountTest).
     */
    public void saveApproved(
            String organisationCode,
            int year,
            String reportId,
            int version,
            String caseId,
            AnnualReport report,
            OffsetDateTime at) {
        em().createNativeQuery("""
                        INSERT INTO approved_report (organisation_code, year, report_id, version, case_id, report, approved_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)
                        ON CONFLICT (organisation_code, year) DO UPDATE
                          SET report_id = excluded.report_id, version = excluded.version, case_id = excluded.case_id,
                              report = excluded.report, approved_at = excluded.approved_at, history = false
                          WHERE approved_report.version < excluded.version""")
                .setParameter(1, organisationCode)
                .setParameter(2, year)
                .setParameter(3, reportId)
                .setParameter(4, version)
                .setParameter(5, caseId)
                .setParameter(6, json(report))
                .setParameter(7, at)
                .executeUpdate();
    }

    /**
     * Keeps an earlier year's report loaded as history: stored when the year has none, or replaces an earlier history;
     * never a report approved in the platform (which replaces it, {@link #saveApproved}). One upsert.
     */
    public void saveHistory(
            String organisationCode, int year, String reportId, AnnualReport report, OffsetDateTime at) {
        em().createNativeQuery("""
                        INSERT INTO approved_report (organisation_code, year, report_id, version, case_id, report, approved_at, history)
                        VALUES (?1, ?2, ?3, 0, NULL, cast(?4 as jsonb), ?5, true)
                        ON CONFLICT (organisation_code, year) DO UPDATE
                          SET report_id = excluded.report_id, report = excluded.report, approved_at = excluded.approved_at
                          WHERE approved_report.history""")
                .setParameter(1, organisationCode)
                .setParameter(2, year)
                .setParameter(3, reportId)
                .setParameter(4, json(report))
                .setParameter(5, at)
                .executeUpdate();
    }

    private static String json(Object value) {
        try {
            return ContractsJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Approved> approved(String organisationCode, int year) {
        return Optional.ofNullable(em().find(ApprovedReport.class, new ApprovedReport.Key(organisationCode, year)))
                .map(a -> new Approved(
                        a.organisationCode, a.year, a.reportId, a.version, a.caseId, a.approvedAt, a.history));
    }

    /**
     * The organisations that have submitted a version of the year's report that passed validation (awaiting or in
     * review, returned, approved): who needs no deadline reminder.
     */
    public List<String> submittedOrganisations(int year) {
        return getEntityManager()
                .createQuery(
                        "select distinct c.organisationCode from StoredCase c where c.year = ?1 and c.state in ?2",
                        String.class)
                .setParameter(1, year)
                .setParameter(2, List.of(State.AWAITING_REVIEW, State.IN_REVIEW, State.RETURNED, State.APPROVED))
                .getResultList();
    }

    /** How many cases await or are in review, per county and state. */
    public record OpenCount(String countyCode, State state, long count) {}

    public List<OpenCount> openByCounty() {
        return getEntityManager()
                .createQuery(
                        "select c.countyCode, c.state, count(c) from StoredCase c where c.state in ?1"
                                + " group by c.countyCode, c.state",
                        Object[].class)
                .setParameter(1, List.of(State.AWAITING_REVIEW, State.IN_REVIEW))
                .getResultList()
                .stream()
                .map(r -> new OpenCount((String) r[0], (State) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** Every case awaiting review, oldest first. */
    public List<ReviewCase> awaitingReview() {
        return list("state", Sort.by("createdAt"), State.AWAITING_REVIEW).stream()
                .map(StoredCase::toCase)
                .toList();
    }

    /** An approved report with the findings of the case that was approved (for a summary over several). */
    public record ApprovedWithFindings(
            String organisationCode, String caseId, AnnualReport report, List<Finding> findings) {}

    /**
     * The approved reports of a year of these organisations, each with its case's findings: two queries (the lazy
     * JSON columns selected in projections, so no report is loaded one by one), in slices of 1,000 codes.
     */
    public List<ApprovedWithFindings> approvedReports(int year, List<String> organisationCodes) {
        List<ApprovedWithFindings> out = new ArrayList<>();
        for (int from = 0; from < organisationCodes.size(); from += 1000) {
            List<String> slice = organisationCodes.subList(from, Math.min(organisationCodes.size(), from + 1000));
            List<Object[]> reports = em().createQuery(
                            "select a.organisationCode, a.caseId, a.report from ApprovedReport a"
                                    + " where a.year = ?1 and a.organisationCode in ?2",
                            Object[].class)
                    .setParameter(1, year)
                    .setParameter(2, slice)
                    .getResultList();
            if (reports.isEmpty()) {
                continue;
            }
            Map<String, List<Finding>> findings = new LinkedHashMap<>();
            em().createQuery("select c.id, c.findings from StoredCase c where c.id in ?1", Object[].class)
                    .setParameter(1, reports.stream().map(r -> (String) r[1]).toList())
                    .getResultList()
                    .forEach(r -> findings.put((String) r[0], castFindings(r[1])));
            for (Object[] r : reports) {
                out.add(new ApprovedWithFindings(
                        (String) r[0],
                        (String) r[1],
                        (AnnualReport) r[2],
                        findings.getOrDefault((String) r[1], List.of())));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Finding> castFindings(Object findings) {
        return findings == null ? List.of() : (List<Finding>) findings;
    }

    public Optional<AnnualReport> approvedReport(String organisationCode, int year) {
        return Optional.ofNullable(em().find(ApprovedReport.class, new ApprovedReport.Key(organisationCode, year)))
                .map(a -> a.report);
    }

    /** Records a publication; false when it was recorded before. */
    public boolean savePublication(ReportPublished p) {
        if (em().find(PublishedVersion.class, new PublishedVersion.Key(p.reportId(), p.version())) != null) {
            return false;
        }
        PublishedVersion v = new PublishedVersion();
        v.reportId = p.reportId();
        v.version = p.version();
        v.organisationCode = p.organisationCode();
        v.year = p.year();
        v.publicUrl = p.publicUrl();
        v.archiveId = p.archiveId();
        v.publishedAt = p.publishedAt();
        em().persist(v);
        return true;
    }

    /** Records a withdrawal (once); true the first time. */
    public boolean saveWithdrawal(ReportWithdrawn w) {
        if (isWithdrawn(w.reportId(), w.version())) {
            return false;
        }
        WithdrawnVersion v = new WithdrawnVersion();
        v.reportId = w.reportId();
        v.version = w.version();
        v.withdrawnBy = w.withdrawnBy();
        v.withdrawnAt = w.withdrawnAt();
        em().persist(v);
        return true;
    }

    public boolean isWithdrawn(String reportId, int version) {
        return em().find(WithdrawnVersion.class, new WithdrawnVersion.Key(reportId, version)) != null;
    }

    public Optional<Publication> publication(String reportId, int version) {
        return Optional.ofNullable(em().find(PublishedVersion.class, new PublishedVersion.Key(reportId, version)))
                .map(p -> new Publication(p.reportId, p.version, p.publicUrl, p.archiveId, p.publishedAt));
    }

    // ------------------------------------------------------------------ lists

    /** One page of cases, the total, and the count per state (over the same filter without its states). */
    public Page search(CaseFilter f) {
        List<String> common = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.organisations() != null) {
            common.add("c.organisationCode in :organisations");
            params.put("organisations", f.organisations());
        }
        if (f.year() != null) {
            common.add("c.year = :year");
            params.put("year", f.year());
        }
        if (f.township() != null) {
            common.add("c.organisationCode = :township");
            params.put("township", f.township());
        }
        if (f.hasWarnings() != null) {
            common.add(f.hasWarnings() ? "c.warningCount > 0" : "c.warningCount = 0");
        }
        if (f.claimedByMe() != null) {
            common.add(f.claimedByMe() ? "c.claimedBy = :me" : "(c.claimedBy is null or c.claimedBy <> :me)");
            params.put("me", f.claimedBy());
        }
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        TypedQuery<Object[]> byState = em().createQuery(
                        "select c.state, count(c) from StoredCase c" + where(common) + " group by c.state",
                        Object[].class);
        params.forEach(byState::setParameter);
        for (Object[] row : byState.getResultList()) {
            counts.put((State) row[0], (Long) row[1]);
        }

        List<String> all = new ArrayList<>(common);
        if (f.states() != null && !f.states().isEmpty()) {
            all.add("c.state in :states");
            params.put("states", List.copyOf(f.states()));
        }
        String direction = f.sort().descending() ? " desc" : " asc";
        String order = " order by c." + f.sort().field().attribute() + direction + " nulls last, c.id" + direction;
        TypedQuery<Long> total = em().createQuery("select count(c) from StoredCase c" + where(all), Long.class);
        TypedQuery<StoredCase> items = em().createQuery(
                        "select c from StoredCase c" + where(all) + order, StoredCase.class)
                .setFirstResult(f.page() * f.size())
                .setMaxResults(f.size());
        params.forEach((k, v) -> {
            total.setParameter(k, v);
            items.setParameter(k, v);
        });
        return new Page(items.getResultStream().map(StoredCase::toCase).toList(), total.getSingleResult(), counts);
    }

    private static String where(List<String> clauses) {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /**
     * For the deadlines view: per organisation of the year, its latest case, approval and first publication. Native
     * SQL: PostgreSQL's LATERAL joins give it in one statement over the three tables.
     */
    public Map<String, TownshipYear> townshipYears(int year) {
        Map<String, TownshipYear> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                SELECT o.organisation_code, c.id, c.version, c.state, a.approved_at, p.published_at
                FROM (SELECT organisation_code FROM review_case WHERE year = ?1
                      UNION SELECT organisation_code FROM approved_report WHERE year = ?1 AND NOT history
                      UNION SELECT organisation_code FROM publication WHERE year = ?1) o
                LEFT JOIN LATERAL (SELECT id, version, state FROM review_case rc
                                   WHERE rc.organisation_code = o.organisation_code AND rc.year = ?1
                                   ORDER BY version DESC LIMIT 1) c ON true
                LEFT JOIN approved_report a ON a.organisation_code = o.organisation_code AND a.year = ?1 AND NOT a.history
                LEFT JOIN LATERAL (SELECT min(published_at) AS published_at FROM publication pu
                                   WHERE pu.organisation_code = o.organisation_code AND pu.year = ?1) p ON true""").setParameter(1, year).getResultList();
        for (Object[] r : rows) {
            String state = (String) r[3];
            out.put(
                    (String) r[0],
                    new TownshipYear(
                            (String) r[0],
                            (String) r[1],
                            r[2] == null ? null : ((Number) r[2]).intValue(),
                            state == null ? null : State.valueOf(state),
                            time(r[4]),
                            time(r[5])));
        }
        return out;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    private EntityManager em() {
        return getEntityManager();
    }
}
