package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The publication database, plain JDBC. Outside a transaction each statement commits on its own (the claim and the
 * failure record); inside one ({@link PublicationOutcomes}) it joins it.
 */
@ApplicationScoped
public class PublicationStore {

    private static final String COLUMNS = """
            report_id, version, organisation_code, organisation_name, county_code, year, status, approved_at,
            approved_by, attempts, public_url, version_url, archive_id, failure_reason, created_at, updated_at, published_at""";

    private final AgroalDataSource ds;

    public PublicationStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** A version and its decision, claimed by one worker until {@code leaseUntil}. */
    public record Claim(UUID token, PublicationRecord record, ReviewDecided decision) {
    }

    public record Key(String reportId, int version) {
    }

    /** Records an approved version as PUBLISHING; false when this version is known already (nothing changes). */
    public boolean insertPublishing(ReviewDecided d, String decisionJson, String eventId) {
        return insertPublishing(d, decisionJson, eventId, null);
    }

    /** As {@link #insertPublishing(ReviewDecided, String, String)}, keeping the trace the decision came with. */
    public boolean insertPublishing(ReviewDecided d, String decisionJson, String eventId, String traceparent) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO publication (report_id, version, organisation_code, organisation_name, county_code, year,
                                              status, decision, decision_event_id, approved_at, approved_by,
                                              origin_traceparent)
                     VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHING', ?, ?, ?, ?, ?)
                     ON CONFLICT (report_id, version) DO NOTHING""")) {
            ps.setString(1, d.reportId());
            ps.setInt(2, d.version());
            ps.setString(3, d.organisationCode());
            ps.setString(4, d.organisationName() != null ? d.organisationName()
                    : d.report() != null ? d.report().organisationName() : d.organisationCode());
            ps.setString(5, d.countyCode());
            ps.setInt(6, d.year());
            ps.setString(7, decisionJson);
            ps.setString(8, eventId);
            ps.setObject(9, d.decidedAt() != null ? d.decidedAt() : OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(10, d.decidedBy());
            ps.setString(11, traceparent);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trace the approval of a version came with; null when none. */
    public String originTrace(String reportId, int version) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT origin_traceparent FROM publication WHERE report_id = ? AND version = ?")) {
            ps.setString(1, reportId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes a PUBLISHING version for one attempt: only if no other worker holds an unexpired lease on it. Commits on
     * its own, so that the portal call runs outside any transaction.
     */
    public Optional<Claim> claim(String reportId, int version, Duration lease) {
        UUID token = UUID.randomUUID();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE publication SET lease_token = ?, lease_until = now() + ?::interval, attempts = attempts + 1,
                                            updated_at = now()
                     WHERE report_id = ? AND version = ? AND status = 'PUBLISHING'
                       AND (lease_until IS NULL OR lease_until < now())
                     RETURNING decision, """ + COLUMNS)) {
            ps.setObject(1, token);
            ps.setString(2, lease.toMillis() + " milliseconds");
            ps.setString(3, reportId);
            ps.setInt(4, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ReviewDecided decision = ContractsJson.mapper().readValue(rs.getString("decision"), ReviewDecided.class);
                return Optional.of(new Claim(token, record(rs), decision));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PUBLISHING → PUBLISHED, if the claim still holds; joins the caller's transaction. */
    public boolean markPublished(Claim claim, String publicUrl, String versionUrl, String archiveId, OffsetDateTime at) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE publication SET status = 'PUBLISHED', public_url = ?, version_url = ?, archive_id = ?,
                                            published_at = ?, failure_reason = NULL, lease_token = NULL,
                                            lease_until = NULL, updated_at = now()
                     WHERE report_id = ? AND version = ? AND status = 'PUBLISHING' AND lease_token = ?""")) {
            ps.setString(1, publicUrl);
            ps.setString(2, versionUrl);
            ps.setString(3, archiveId);
            ps.setObject(4, at);
            ps.setString(5, claim.record().reportId());
            ps.setInt(6, claim.record().version());
            ps.setObject(7, claim.token());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PUBLISHING → PUBLICATION_FAILED with the reason, if the claim still holds. */
    public boolean markFailed(Claim claim, String reason) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE publication SET status = 'PUBLICATION_FAILED', failure_reason = ?, lease_token = NULL,
                                            lease_until = NULL, updated_at = now()
                     WHERE report_id = ? AND version = ? AND status = 'PUBLISHING' AND lease_token = ?""")) {
            ps.setString(1, reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason);
            ps.setString(2, claim.record().reportId());
            ps.setInt(3, claim.record().version());
            ps.setObject(4, claim.token());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public enum Requeue { REQUEUED, NOT_FOUND, NOT_FAILED }

    /** PUBLICATION_FAILED → PUBLISHING (the operator's retry). */
    public Requeue requeue(String reportId, int version) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE publication SET status = 'PUBLISHING', lease_token = NULL, lease_until = NULL,
                                            updated_at = now()
                     WHERE report_id = ? AND version = ? AND status = 'PUBLICATION_FAILED'""")) {
            ps.setString(1, reportId);
            ps.setInt(2, version);
            if (ps.executeUpdate() == 1) {
                return Requeue.REQUEUED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(reportId, version).isPresent() ? Requeue.NOT_FAILED : Requeue.NOT_FOUND;
    }

    /** PUBLISHING versions no worker holds (never claimed, or the worker's lease ran out: it crashed). */
    public List<Key> due(int limit) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT report_id, version FROM publication
                     WHERE status = 'PUBLISHING' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY created_at LIMIT ?""")) {
            ps.setInt(1, limit);
            List<Key> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Key(rs.getString(1), rs.getInt(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<PublicationRecord> find(String reportId, int version) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM publication WHERE report_id = ? AND version = ?")) {
            ps.setString(1, reportId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest first; every filter optional. */
    public List<PublicationRecord> list(PublicationStatus status, String organisationCode, Integer year, String reportId,
                                        int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM publication WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (organisationCode != null && !organisationCode.isBlank()) {
            sql.append(" AND organisation_code = ?");
            args.add(organisationCode);
        }
        if (year != null) {
            sql.append(" AND year = ?");
            args.add(year);
        }
        if (reportId != null && !reportId.isBlank()) {
            sql.append(" AND report_id = ?");
            args.add(reportId);
        }
        sql.append(" ORDER BY updated_at DESC, report_id, version DESC LIMIT ?");
        args.add(limit);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<PublicationRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicationRecord record(ResultSet rs) throws SQLException {
        return new PublicationRecord(rs.getString("report_id"), rs.getInt("version"), rs.getString("organisation_code"),
                rs.getString("organisation_name"), rs.getString("county_code"), rs.getInt("year"),
                PublicationStatus.valueOf(rs.getString("status")), rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("approved_by"), rs.getInt("attempts"), rs.getString("public_url"), rs.getString("version_url"),
                rs.getString("archive_id"), rs.getString("failure_reason"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class));
    }
}
