package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
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
import java.util.List;
import java.util.Optional;

/** The intake database: reports, their versions and the idempotency keys. Callers hold the transaction. */
@ApplicationScoped
public class ReportVersionRepository {

    private static final String COLUMNS = """
            report_id, version, organisation_code, organisation_name, county_code, year, state, source, report::text,
            import_notes::text, findings::text, review_comment, public_url, submitted_at, submitted_by, updated_at,
            provenance::text""";

    private final AgroalDataSource ds;

    public ReportVersionRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Locks the report row (creating it on first submission) and returns its latest version number (0 if none). */
    public int lockReport(String reportId, String organisationCode, int year) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report (report_id, organisation_code, year) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, reportId);
                ps.setString(2, organisationCode);
                ps.setInt(3, year);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT latest_version FROM report WHERE report_id = ? FOR UPDATE")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insert(ReportVersion v) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO report_version (report_id, version, organisation_code, organisation_name, county_code,
                      year, state, source, report, import_notes, submitted_at, submitted_by, updated_at, provenance)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb)""")) {
                ps.setString(1, v.reportId());
                ps.setInt(2, v.version());
                ps.setString(3, v.organisationCode());
                ps.setString(4, v.organisationName());
                ps.setString(5, v.countyCode());
                ps.setInt(6, v.year());
                ps.setString(7, v.state().name());
                ps.setString(8, v.source().name());
                ps.setString(9, json(v.report()));
                ps.setString(10, json(v.importNotes()));
                ps.setObject(11, v.submittedAt());
                ps.setString(12, v.submittedBy());
                ps.setObject(13, v.updatedAt());
                ps.setString(14, json(v.provenance()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE report SET latest_version = ? WHERE report_id = ?")) {
                ps.setInt(1, v.version());
                ps.setString(2, v.reportId());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ReportVersion> find(String reportId, int version) {
        List<ReportVersion> found = query("SELECT " + COLUMNS + " FROM report_version WHERE report_id = ? AND version = ?",
                reportId, version);
        return found.stream().findFirst();
    }

    /**
     * The version, its row locked until the transaction ends: the status consumers (three channels, each on its own
     * thread) read and advance a state one at a time, so a late event cannot overwrite a later state.
     */
    public Optional<ReportVersion> findForUpdate(String reportId, int version) {
        List<ReportVersion> found = query("SELECT " + COLUMNS + " FROM report_version WHERE report_id = ? AND version = ? "
                + "FOR UPDATE", reportId, version);
        return found.stream().findFirst();
    }

    public List<ReportVersion> versions(String reportId) {
        return query("SELECT " + COLUMNS + " FROM report_version WHERE report_id = ? ORDER BY version", reportId);
    }

    /** The latest version of every report of the given organisations (all when {@code null}), for a year or all years. */
    public List<ReportVersion> latestVersions(List<String> organisationCodes, Integer year) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report_version v WHERE version = "
                + "(SELECT latest_version FROM report r WHERE r.report_id = v.report_id)");
        List<Object> args = new ArrayList<>();
        if (organisationCodes != null) {
            sql.append(" AND organisation_code = ANY (?)");
            args.add(organisationCodes.toArray(new String[0]));
        }
        if (year != null) {
            sql.append(" AND year = ?");
            args.add(year);
        }
        sql.append(" ORDER BY year DESC, organisation_code");
        return query(sql.toString(), args.toArray());
    }

    /** Moves a version to a new state with the details the event brought; returns false when nothing changed. */
    public boolean updateState(String reportId, int version, VersionState state, List<Finding> findings,
                               String reviewComment, String publicUrl) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE report_version SET state = ?, findings = COALESCE(?::jsonb, findings),
                       review_comment = COALESCE(?, review_comment), public_url = COALESCE(?, public_url), updated_at = now()
                     WHERE report_id = ? AND version = ?""")) {
            ps.setString(1, state.name());
            ps.setString(2, findings == null ? null : json(findings));
            ps.setString(3, reviewComment);
            ps.setString(4, publicUrl);
            ps.setString(5, reportId);
            ps.setInt(6, version);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A version an idempotency key already produced, and the fingerprint of the report it was used for. */
    public record KeyedVersion(String reportId, int version, String fingerprint) {
    }

    public Optional<KeyedVersion> findIdempotent(String subject, String key) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT report_id, version, fingerprint FROM idempotency_key WHERE subject = ? AND key = ?")) {
            ps.setString(1, subject);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KeyedVersion(rs.getString(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the key; returns false when another request recorded it first. */
    public boolean rememberIdempotent(String subject, String key, String reportId, int version, String fingerprint) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO idempotency_key (subject, key, report_id, version, fingerprint) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            ps.setString(1, subject);
            ps.setString(2, key);
            ps.setString(3, reportId);
            ps.setInt(4, version);
            ps.setString(5, fingerprint);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReportVersion> query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<ReportVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportVersion map(ResultSet rs) throws SQLException {
        try {
            var m = ContractsJson.mapper();
            String findings = rs.getString(11);
            return new ReportVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), VersionState.valueOf(rs.getString(7)), SubmissionSource.valueOf(rs.getString(8)),
                    m.readValue(rs.getString(9), AnnualReport.class),
                    m.readValue(rs.getString(10), new TypeReference<List<String>>() {
                    }),
                    findings == null ? List.of() : m.readValue(findings, new TypeReference<List<Finding>>() {
                    }),
                    rs.getString(12), rs.getString(13), rs.getObject(14, OffsetDateTime.class), rs.getString(15),
                    rs.getObject(16, OffsetDateTime.class),
                    m.readValue(rs.getString(17), new TypeReference<List<CellSource>>() {
                    }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON unreadable", e);
        }
    }

    private static String json(Object o) {
        try {
            return ContractsJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
