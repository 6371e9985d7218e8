package cn.gov.disclosure.intake.store;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.intake.submission.ReportVersion;
import cn.gov.disclosure.intake.submission.VersionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports, their versions and the idempotency keys. Callers hold the transaction. */
@ApplicationScoped
public class Versions implements PanacheRepositoryBase<StoredVersion, StoredVersion.Key> {

    /**
     * Locks the report's row (creating it on its first submission) and returns its latest version number (0 if none).
     * The row is created with PostgreSQL's {@code INSERT … ON CONFLICT DO NOTHING}: two first submissions racing each
     * other create one row and both go on to wait for its lock.
     */
    public int lockReport(String reportId, String organisationCode, int year) {
        getEntityManager()
                .createNativeQuery(
                        "INSERT INTO report (report_id, organisation_code, year) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, reportId)
                .setParameter(2, organisationCode)
                .setParameter(3, year)
                .executeUpdate();
        return getEntityManager().find(StoredReport.class, reportId, LockModeType.PESSIMISTIC_WRITE).latestVersion;
    }

    /** Stores a new version and makes it the report's latest (the report locked by {@link #lockReport}). */
    public void insert(ReportVersion v) {
        persist(StoredVersion.of(v));
        getEntityManager().find(StoredReport.class, v.reportId()).latestVersion = v.version();
    }

    public Optional<ReportVersion> find(String reportId, int version) {
        return findByIdOptional(new StoredVersion.Key(reportId, version)).map(StoredVersion::version);
    }

    /**
     * The version, its row locked until the transaction ends: the status consumers (three channels, each on its own
     * thread) read and advance a state one at a time, so a late event cannot overwrite a later state.
     */
    public Optional<ReportVersion> findForUpdate(String reportId, int version) {
        return Optional.ofNullable(findById(new StoredVersion.Key(reportId, version), LockModeType.PESSIMISTIC_WRITE))
                .map(StoredVersion::version);
    }

    public List<ReportVersion> versions(String reportId) {
        return list("reportId", Sort.by("version"), reportId).stream()
                .map(StoredVersion::version)
                .toList();
    }

    /** The latest version of every report of the given organisations (all when {@code null}), for a year or all years. */
    public List<ReportVersion> latestVersions(List<String> organisationCodes, Integer year) {
        List<String> where = new ArrayList<>(
                List.of("v.version = (select r.latestVersion from StoredReport r where r.reportId = v.reportId)"));
        Parameters params = new Parameters();
        if (organisationCodes != null) {
            where.add("v.organisationCode in :organisations");
            params.and("organisations", organisationCodes);
        }
        if (year != null) {
            where.add("v.year = :year");
            params.and("year", year);
        }
        return find(
                        "from StoredVersion v where " + String.join(" and ", where)
                                + " order by v.year desc, v.organisationCode",
                        params)
                .stream()
                .map(StoredVersion::version)
                .toList();
    }

    /**
     * Moves a version to a new state with the details the event brought (each kept as it was when the event has
     * none); returns false when there is no such version.
     */
    public boolean updateState(
            String reportId,
            int version,
            VersionState state,
            List<Finding> findings,
            String reviewComment,
            String publicUrl) {
        StoredVersion v = findById(new StoredVersion.Key(reportId, version));
        if (v == null) {
            return false;
        }
        v.state = state;
        if (findings != null) {
            v.findings = findings;
        }
        if (reviewComment != null) {
            v.reviewComment = reviewComment;
        }
        if (publicUrl != null) {
            v.publicUrl = publicUrl;
        }
        v.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    /** A version an idempotency key already produced, and the fingerprint of the report it was used for. */
    public record KeyedVersion(String reportId, int version, String fingerprint) {}

    public Optional<KeyedVersion> findIdempotent(String subject, String key) {
        return Optional.ofNullable(getEntityManager().find(IdempotencyKey.class, new IdempotencyKey.Key(subject, key)))
                .map(k -> new KeyedVersion(k.reportId, k.version, k.fingerprint));
    }

    /**
     * Records the key; returns false when another request recorded it first (PostgreSQL's {@code ON CONFLICT DO
     * NOTHING}: two requests with one key racing each other store one row, and neither fails its transaction).
     */
    public boolean rememberIdempotent(String subject, String key, String reportId, int version, String fingerprint) {
        return getEntityManager()
                        .createNativeQuery("""
                        INSERT INTO idempotency_key (subject, key, report_id, version, fingerprint)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                        .setParameter(1, subject)
                        .setParameter(2, key)
                        .setParameter(3, reportId)
                        .setParameter(4, version)
                        .setParameter(5, fingerprint)
                        .executeUpdate()
                == 1;
    }
}
