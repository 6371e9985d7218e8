package cn.gov.disclosure.review.store;

import cn.gov.disclosure.contracts.model.AnnualReport;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * The approved report of an organisation's year: last year's report beside this year's case, and the approval time
 * for the deadlines view.
 */
@Entity
@Table(name = "approved_report")
@IdClass(ApprovedReport.Key.class)
public class ApprovedReport {

    public record Key(String organisationCode, int year) {}

    @Id
    @Column(name = "organisation_code")
    public String organisationCode;

    @Id
    public int year;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(nullable = false)
    public int version;

    /** The case that was approved; null for a report loaded as history. */
    @Column(name = "case_id")
    public String caseId;

    /** Loaded as history (history imported), not approved in the platform. */
    @Column(nullable = false)
    public boolean history;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public AnnualReport report;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;
}
