package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review database, plain JDBC. Writes run in the caller's transaction (the connection is enlisted). */
@ApplicationScoped
public class CaseStore {

    private static final String CASE_COLUMNS = """
            id, report_id, version, organisation_code, organisation_name, county_code, year, state, passed,
            error_count, warning_count, submitted_at, validated_at, created_at, updated_at, claimed_by,
            claimed_by_name, claimed_at, decided_by, decided_by_name, decided_at, decision_comment, superseded_by,
            row_version""";

    private final AgroalDataSource ds;

    public CaseStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** A case as created from report validated. */
    public record NewCase(String id, String reportId, int version, String organisationCode, String organisationName,
                          String countyCode, int year, State state, boolean passed, int errorCount, int warningCount,
                          List<Finding> findings, AnnualReport report, DocumentReading reading,
                          OffsetDateTime submittedAt, OffsetDateTime validatedAt, OffsetDateTime at) {
    }

    /** How the version was read from the township's document: the importer's notes, each cell's provenance. */
    public record DocumentReading(List<String> importNotes, List<CellSource> provenance) {
        public static final DocumentReading NONE = new DocumentReading(List.of(), List.of());
    }

    /** An approved report kept for comparison and for the deadlines view. */
    public record Approved(String organisationCode, int year, String reportId, int version, String caseId,
                           OffsetDateTime approvedAt) {
    }

    public record Publication(String reportId, int version, String publicUrl, String archiveId,
                              OffsetDateTime publishedAt) {
    }

    /** What the deadlines view needs of one township and year. */
    public record TownshipYear(String organisationCode, String latestCaseId, Integer latestVersion, State latestState,
                               OffsetDateTime approvedAt, OffsetDateTime publishedAt) {
    }

    public record Page(List<ReviewCase> items, long total, Map<State, Long> countsByState) {
    }

    // ------------------------------------------------------------------ cases

    /** Inserts the case; false when the version already has one (a redelivered or repeated event). */
    public boolean insert(NewCase c) {
        return update("""
                INSERT INTO review_case (id, report_id, version, organisation_code, organisation_name, county_code, year,
                    state, passed, error_count, warning_count, findings, report, import_notes, provenance, submitted_at,
                    validated_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?::json, ?::json, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                c.id(), c.reportId(), c.version(), c.organisationCode(), c.organisationName(), c.countyCode(), c.year(),
                c.state().name(), c.passed(), c.errorCount(), c.warningCount(), json(c.findings()), json(c.report()),
                json(c.reading().importNotes()), json(c.reading().provenance()), c.submittedAt(), c.validatedAt(),
                c.at(), c.at()) == 1;
    }

    /** Remembers the trace of the submission a case came from. */
    public void saveOriginTrace(String id, String traceparent) {
        update("UPDATE review_case SET origin_traceparent = ? WHERE id = ?", traceparent, id);
    }

    /** The trace of the submission a case came from; null when it came without one. */
    public String originTrace(String id) {
        return query("SELECT origin_traceparent FROM review_case WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, id);
    }

    public Optional<ReviewCase> find(String id) {
        return one("SELECT " + CASE_COLUMNS + " FROM review_case WHERE id = ?", id);
    }

    /** The case, locked until the transaction ends (concurrent changes wait, then see the new row version). */
    public Optional<ReviewCase> lock(String id) {
        return one("SELECT " + CASE_COLUMNS + " FROM review_case WHERE id = ? FOR UPDATE", id);
    }

    /** The cases of older versions of a report that are still open (a newer version supersedes them), locked. */
    public List<ReviewCase> lockSupersedable(String reportId, int newerVersion) {
        List<String> states = new ArrayList<>();
        for (State s : State.values()) {
            if (ReviewStateMachine.target(s, ReviewStateMachine.Action.SUPERSEDE).isPresent()) {
                states.add(s.name());
            }
        }
        return list("SELECT " + CASE_COLUMNS + " FROM review_case WHERE report_id = ? AND version < ? "
                + "AND state = ANY(?) ORDER BY version FOR UPDATE", reportId, newerVersion, states.toArray(String[]::new));
    }

    /** The highest version of a report that has a case (0 when none). */
    public int maxVersion(String reportId) {
        return query("SELECT coalesce(max(version), 0) FROM review_case WHERE report_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, reportId);
    }

    /** The case of the version before {@code version} (the highest lower version that has a case). */
    public Optional<ReviewCase> previousVersion(String reportId, int version) {
        return one("SELECT " + CASE_COLUMNS + " FROM review_case WHERE report_id = ? AND version < ? "
                + "ORDER BY version DESC LIMIT 1", reportId, version);
    }

    /**
     * Writes a transition; false when the row version is no longer {@code expectedRowVersion}.
     *
     * @param decidedBy the actor, recorded as the decider on approve and return
     */
    public boolean applyTransition(String id, long expectedRowVersion, ReviewStateMachine.Transition t, String actor,
                                   String actorName, OffsetDateTime at, String supersededBy) {
        boolean claimed = t.to() == State.IN_REVIEW;
        boolean decision = t.action() == ReviewStateMachine.Action.APPROVE || t.action() == ReviewStateMachine.Action.RETURN;
        return update("""
                UPDATE review_case SET state = ?, updated_at = ?, row_version = row_version + 1,
                    claimed_by = ?, claimed_by_name = ?, claimed_at = CASE WHEN ? THEN coalesce(?, claimed_at) END,
                    decided_by = CASE WHEN ? THEN ? ELSE decided_by END,
                    decided_by_name = CASE WHEN ? THEN ? ELSE decided_by_name END,
                    decided_at = CASE WHEN ? THEN ? ELSE decided_at END,
                    decision_comment = CASE WHEN ? THEN ? ELSE decision_comment END,
                    superseded_by = coalesce(?, superseded_by)
                WHERE id = ? AND row_version = ?""",
                t.to().name(), at,
                claimed ? t.claimedBy() : null, claimed ? actorName : null,
                claimed, t.action() == ReviewStateMachine.Action.CLAIM ? at : null,
                decision, actor, decision, actorName, decision, at, decision, t.comment(),
                supersededBy, id, expectedRowVersion) == 1;
    }

    /**
     * Marks the case's representation changed without a transition (its ETag moves on, so cached copies and
     * If-Match tokens of the old representation no longer count). {@code updated_at} stays: it dates review changes.
     */
    public void touch(String id) {
        update("UPDATE review_case SET row_version = row_version + 1 WHERE id = ?", id);
    }

    /** {@link #touch} for every case of an organisation's year (e.g. when last year's approved report appears). */
    public void touchYear(String organisationCode, int year) {
        update("UPDATE review_case SET row_version = row_version + 1 WHERE organisation_code = ? AND year = ?",
                organisationCode, year);
    }

    public List<Finding> findings(String id) {
        return query("SELECT findings::text FROM review_case WHERE id = ?",
                rs -> rs.next() ? read(rs.getString(1), new TypeReference<List<Finding>>() {
                }) : List.<Finding>of(), id);
    }

    /** How the case's version was read from its document ({@link DocumentReading#NONE} when it came as JSON). */
    public DocumentReading reading(String id) {
        return query("SELECT import_notes::text, provenance::text FROM review_case WHERE id = ?",
                rs -> rs.next() ? new DocumentReading(read(rs.getString(1), new TypeReference<List<String>>() {
                }), read(rs.getString(2), new TypeReference<List<CellSource>>() {
                })) : DocumentReading.NONE, id);
    }

    public Optional<AnnualReport> report(String id) {
        return query("SELECT report::text FROM review_case WHERE id = ?",
                rs -> rs.next() ? Optional.of(read(rs.getString(1), new TypeReference<AnnualReport>() {
                })) : Optional.<AnnualReport>empty(), id);
    }

    // ------------------------------------------------------------------ audit, acknowledgements

    public void appendAudit(String caseId, OffsetDateTime at, String actor, String actorName, State from, State to,
                            String comment) {
        update("INSERT INTO case_audit (case_id, at, actor, actor_name, from_state, to_state, comment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                caseId, at, actor, actorName, from == null ? null : from.name(), to.name(), comment);
    }

    public List<ReviewDecided.AuditEntry> audit(String caseId) {
        return query("SELECT at, actor, actor_name, from_state, to_state, comment FROM case_audit WHERE case_id = ? ORDER BY seq",
                rs -> {
                    List<ReviewDecided.AuditEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ReviewDecided.AuditEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                    return out;
                }, caseId);
    }

    public void saveAcknowledgements(String caseId, List<ReviewDecided.Acknowledgement> acks, String byName) {
        int seq = 1;
        for (ReviewDecided.Acknowledgement a : acks) {
            update("""
                    INSERT INTO case_acknowledgement (case_id, seq, finding_code, row_key, column_key, note, acknowledged_by,
                        acknowledged_by_name, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    caseId, seq++, a.findingCode(), a.row(), a.column(), a.note(), a.acknowledgedBy(), byName,
                    a.acknowledgedAt());
        }
    }

    public List<ReviewDecided.Acknowledgement> acknowledgements(String caseId) {
        return query("""
                SELECT finding_code, row_key, column_key, acknowledged_by, acknowledged_at, note
                FROM case_acknowledgement WHERE case_id = ? ORDER BY seq""", rs -> {
            List<ReviewDecided.Acknowledgement> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ReviewDecided.Acknowledgement(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
            }
            return out;
        }, caseId);
    }

    // ------------------------------------------------------------------ approved reports, publications

    /** Keeps the approved report of an organisation's year; a later approved version replaces an earlier one. */
    public void saveApproved(String organisationCode, int year, String reportId, int version, String caseId,
                             AnnualReport report, OffsetDateTime at) {
        update("""
                INSERT INTO approved_report (organisation_code, year, report_id, version, case_id, report, approved_at)
                VALUES (?, ?, ?, ?, ?, ?::json, ?)
                ON CONFLICT (organisation_code, year) DO UPDATE
                  SET report_id = excluded.report_id, version = excluded.version, case_id = excluded.case_id,
                      report = excluded.report, approved_at = excluded.approved_at
                  WHERE approved_report.version < excluded.version""",
                organisationCode, year, reportId, version, caseId, json(report), at);
    }

    public Optional<Approved> approved(String organisationCode, int year) {
        return query("""
                SELECT organisation_code, year, report_id, version, case_id, approved_at FROM approved_report
                WHERE organisation_code = ? AND year = ?""", rs -> rs.next()
                ? Optional.of(new Approved(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class))) : Optional.<Approved>empty(), organisationCode, year);
    }

    public Optional<AnnualReport> approvedReport(String organisationCode, int year) {
        return query("SELECT report::text FROM approved_report WHERE organisation_code = ? AND year = ?",
                rs -> rs.next() ? Optional.of(read(rs.getString(1), new TypeReference<AnnualReport>() {
                })) : Optional.<AnnualReport>empty(), organisationCode, year);
    }

    /** Records a publication; false when it was recorded before. */
    public boolean savePublication(ReportPublished p) {
        return update("""
                INSERT INTO publication (report_id, version, organisation_code, year, public_url, archive_id, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                p.reportId(), p.version(), p.organisationCode(), p.year(), p.publicUrl(), p.archiveId(),
                p.publishedAt()) == 1;
    }

    /** Records a withdrawal (once); true the first time. */
    public boolean saveWithdrawal(ReportWithdrawn w) {
        return update("""
                INSERT INTO withdrawn_version (report_id, version, withdrawn_by, withdrawn_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", w.reportId(), w.version(), w.withdrawnBy(),
                w.withdrawnAt()) == 1;
    }

    public boolean isWithdrawn(String reportId, int version) {
        return query("SELECT 1 FROM withdrawn_version WHERE report_id = ? AND version = ?", rs -> rs.next(),
                reportId, version);
    }

    public Optional<Publication> publication(String reportId, int version) {
        return query("""
                SELECT report_id, version, public_url, archive_id, published_at FROM publication
                WHERE report_id = ? AND version = ?""", rs -> rs.next()
                ? Optional.of(new Publication(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class))) : Optional.<Publication>empty(), reportId, version);
    }

    // ------------------------------------------------------------------ lists

    /** One page of cases, the total, and the count per state (over the same filter without its states). */
    public Page search(CaseFilter f) {
        Where common = new Where();
        if (f.organisations() != null) {
            common.add("organisation_code = ANY(?)", (Object) f.organisations().toArray(String[]::new));
        }
        if (f.year() != null) {
            common.add("year = ?", f.year());
        }
        if (f.township() != null) {
            common.add("organisation_code = ?", f.township());
        }
        if (f.hasWarnings() != null) {
            common.add(f.hasWarnings() ? "warning_count > 0" : "warning_count = 0");
        }
        if (f.claimedByMe() != null) {
            common.add(f.claimedByMe() ? "claimed_by = ?" : "claimed_by IS DISTINCT FROM ?", f.claimedBy());
        }
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        query("SELECT state, count(*) FROM review_case" + common.sql() + " GROUP BY state", rs -> {
            while (rs.next()) {
                counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return null;
        }, common.params());

        Where where = common.copy();
        if (f.states() != null && !f.states().isEmpty()) {
            where.add("state = ANY(?)", (Object) f.states().stream().map(Enum::name).toArray(String[]::new));
        }
        long total = query("SELECT count(*) FROM review_case" + where.sql(), rs -> rs.next() ? rs.getLong(1) : 0L,
                where.params());
        String order = " ORDER BY " + f.sort().field().column() + (f.sort().descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                + ", id" + (f.sort().descending() ? " DESC" : " ASC");
        List<Object> params = new ArrayList<>(List.of(where.params()));
        params.add(f.size());
        params.add((long) f.page() * f.size());
        List<ReviewCase> items = list("SELECT " + CASE_COLUMNS + " FROM review_case" + where.sql() + order
                + " LIMIT ? OFFSET ?", params.toArray());
        return new Page(items, total, counts);
    }

    /** For the deadlines view: per organisation of the year, its latest case, approval and first publication. */
    public Map<String, TownshipYear> townshipYears(int year) {
        Map<String, TownshipYear> out = new LinkedHashMap<>();
        query("""
                SELECT o.organisation_code, c.id, c.version, c.state, a.approved_at, p.published_at
                FROM (SELECT organisation_code FROM review_case WHERE year = ?
                      UNION SELECT organisation_code FROM approved_report WHERE year = ?
                      UNION SELECT organisation_code FROM publication WHERE year = ?) o
                LEFT JOIN LATERAL (SELECT id, version, state FROM review_case rc
                                   WHERE rc.organisation_code = o.organisation_code AND rc.year = ?
                                   ORDER BY version DESC LIMIT 1) c ON true
                LEFT JOIN approved_report a ON a.organisation_code = o.organisation_code AND a.year = ?
                LEFT JOIN LATERAL (SELECT min(published_at) AS published_at FROM publication pu
                                   WHERE pu.organisation_code = o.organisation_code AND pu.year = ?) p ON true""",
                rs -> {
                    while (rs.next()) {
                        String state = rs.getString(4);
                        out.put(rs.getString(1), new TownshipYear(rs.getString(1), rs.getString(2),
                                (Integer) rs.getObject(3), state == null ? null : State.valueOf(state),
                                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)));
                    }
                    return null;
                }, year, year, year, year, year, year);
        return out;
    }

    // ------------------------------------------------------------------ JDBC plumbing

    @FunctionalInterface
    interface RowsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void add(String clause, Object... ps) {
            clauses.add(clause);
            params.addAll(List.of(ps));
        }

        Where copy() {
            Where w = new Where();
            w.clauses.addAll(clauses);
            w.params.addAll(params);
            return w;
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        Object[] params() {
            return params.toArray();
        }
    }

    private Optional<ReviewCase> one(String sql, Object... params) {
        List<ReviewCase> l = list(sql, params);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<ReviewCase> list(String sql, Object... params) {
        return query(sql, rs -> {
            List<ReviewCase> out = new ArrayList<>();
            while (rs.next()) {
                out.add(caseOf(rs));
            }
            return out;
        }, params);
    }

    private static ReviewCase caseOf(ResultSet rs) throws SQLException {
        return new ReviewCase(rs.getString("id"), rs.getString("report_id"), rs.getInt("version"),
                rs.getString("organisation_code"), rs.getString("organisation_name"), rs.getString("county_code"),
                rs.getInt("year"), State.valueOf(rs.getString("state")), rs.getBoolean("passed"),
                rs.getInt("error_count"), rs.getInt("warning_count"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("validated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("claimed_by"), rs.getString("claimed_by_name"),
                rs.getObject("claimed_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getString("decided_by_name"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_comment"), rs.getString("superseded_by"), rs.getLong("row_version"));
    }

    private <T> T query(String sql, RowsReader<T> reader, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Review database: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Review database: " + e.getMessage(), e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else if (p == null) {
                ps.setObject(i + 1, null);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static String json(Object o) {
        try {
            return ContractsJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return ContractsJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON unreadable: " + e.getMessage(), e);
        }
    }
}
