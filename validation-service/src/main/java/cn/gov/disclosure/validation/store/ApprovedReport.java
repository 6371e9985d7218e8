package cn.gov.disclosure.validation.store;

import cn.gov.disclosure.contracts.model.AnnualReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** The approved report of an organisation's year (from review decided), for next year's cross-year checks. */
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

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public AnnualReport report;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;
}
