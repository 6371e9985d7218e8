package cn.gov.disclosure.validation.store;

import cn.gov.disclosure.contracts.model.AnnualReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The approved report of each organisation and year, the latest approved version. */
@ApplicationScoped
public class ApprovedReports implements PanacheRepositoryBase<ApprovedReport, ApprovedReport.Key> {

    /** Keeps the approved report of an organisation's year; a later approved version replaces an earlier one. */
    public void keep(
            String organisationCode, int year, String reportId, int version, AnnualReport report, OffsetDateTime at) {
        ApprovedReport.Key key = new ApprovedReport.Key(organisationCode, year);
        ApprovedReport kept = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null) {
            kept = new ApprovedReport();
            kept.organisationCode = organisationCode;
            kept.year = year;
        } else if (kept.version >= version) {
            return;
        }
        kept.reportId = reportId;
        kept.version = version;
        kept.report = report;
        kept.approvedAt = at;
        persist(kept);
    }

    /**
     * Keeps an earlier year's report loaded as history (version 0): stored when the year has none, or replaces an
     * earlier history; never a report approved in the platform (version ≥ 1), which in turn replaces it.
     */
    public void keepHistory(
            String organisationCode, int year, String reportId, AnnualReport report, OffsetDateTime at) {
        ApprovedReport kept = findById(new ApprovedReport.Key(organisationCode, year), LockModeType.PESSIMISTIC_WRITE);
        if (kept != null && kept.version > 0) {
            return;
        }
        if (kept == null) {
            kept = new ApprovedReport();
            kept.organisationCode = organisationCode;
            kept.year = year;
        }
        kept.reportId = reportId;
        kept.version = 0;
        kept.report = report;
        kept.approvedAt = at;
        persist(kept);
    }

    public Optional<AnnualReport> report(String organisationCode, int year) {
        return findByIdOptional(new ApprovedReport.Key(organisationCode, year)).map(a -> a.report);
    }
}
