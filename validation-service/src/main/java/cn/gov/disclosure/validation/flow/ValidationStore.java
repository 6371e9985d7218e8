package cn.gov.disclosure.validation.flow;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The validation database: results per version and the approved reports kept for next year's checks. */
@ApplicationScoped
public class ValidationStore {

    private final AgroalDataSource ds;

    public ValidationStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Stores the result; false when this version already has one (nothing is written twice). */
    public boolean saveResult(String reportId, int version, String organisationCode, int year, boolean passed,
                              List<Finding> findings, AnnualReport report, OffsetDateTime at) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO validation_result (report_id, version, organisation_code, year, passed, findings, report, validated_at)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, reportId);
            ps.setInt(2, version);
            ps.setString(3, organisationCode);
            ps.setInt(4, year);
            ps.setBoolean(5, passed);
            ps.setString(6, json(findings));
            ps.setString(7, json(report));
            ps.setObject(8, at);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long resultCount(String reportId, int version) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM validation_result WHERE report_id = ? AND version = ?")) {
            ps.setString(1, reportId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the approved report of an organisation's year; a later approved version replaces an earlier one. */
    public void saveApproved(String organisationCode, int year, String reportId, int version, AnnualReport report,
                             OffsetDateTime at) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO approved_report (organisation_code, year, report_id, version, report, approved_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?)
                     ON CONFLICT (organisation_code, year) DO UPDATE
                       SET report_id = excluded.report_id, version = excluded.version, report = excluded.report,
                           approved_at = excluded.approved_at
                       WHERE approved_report.version < excluded.version""")) {
            ps.setString(1, organisationCode);
            ps.setInt(2, year);
            ps.setString(3, reportId);
            ps.setInt(4, version);
            ps.setString(5, json(report));
            ps.setObject(6, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<AnnualReport> approved(String organisationCode, int year) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT report::text FROM approved_report WHERE organisation_code = ? AND year = ?")) {
            ps.setString(1, organisationCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ContractsJson.mapper().readValue(rs.getString(1), AnnualReport.class))
                        : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
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
