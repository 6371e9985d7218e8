package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.ContractsJson;
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
import java.util.List;
import java.util.Optional;

/** The townships' drafts (one per organisation and year). Callers hold the transaction. */
@ApplicationScoped
public class DraftRepository {

    private final AgroalDataSource ds;

    public DraftRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    public Optional<Draft> find(String organisationCode, int year) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT report::text, import_notes::text, provenance::text, saved_at, saved_by FROM draft
                WHERE organisation_code = ? AND year = ?""")) {
            ps.setString(1, organisationCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var m = ContractsJson.mapper();
                return Optional.of(new Draft(organisationCode, year, m.readValue(rs.getString(1), AnnualReport.class),
                        m.readValue(rs.getString(2), new TypeReference<List<String>>() {
                        }),
                        m.readValue(rs.getString(3), new TypeReference<List<CellSource>>() {
                        }),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored draft unreadable", e);
        }
    }

    /** Saves the draft in place of the one before (one statement: INSERT … ON CONFLICT DO UPDATE). */
    public void save(Draft d) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO draft (organisation_code, year, report, import_notes, provenance, saved_at, saved_by)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
                ON CONFLICT (organisation_code, year) DO UPDATE SET report = EXCLUDED.report,
                  import_notes = EXCLUDED.import_notes, provenance = EXCLUDED.provenance, saved_at = EXCLUDED.saved_at,
                  saved_by = EXCLUDED.saved_by""")) {
            var m = ContractsJson.mapper();
            ps.setString(1, d.organisationCode());
            ps.setInt(2, d.year());
            ps.setString(3, m.writeValueAsString(d.report()));
            ps.setString(4, m.writeValueAsString(d.importNotes()));
            ps.setString(5, m.writeValueAsString(d.provenance()));
            ps.setObject(6, d.savedAt());
            ps.setString(7, d.savedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the draft; returns whether there was one. */
    public boolean delete(String organisationCode, int year) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM draft WHERE organisation_code = ? AND year = ?")) {
            ps.setString(1, organisationCode);
            ps.setInt(2, year);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
