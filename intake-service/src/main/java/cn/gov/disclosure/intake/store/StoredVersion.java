package cn.gov.disclosure.intake.store;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.intake.submission.ReportVersion;
import cn.gov.disclosure.intake.submission.SubmissionSource;
import cn.gov.disclosure.intake.submission.VersionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** Every version a township sent, with its state as the other services reported it; earlier ones stay readable. */
@Entity
@Table(name = "report_version")
@IdClass(StoredVersion.Key.class)
public class StoredVersion {

    public record Key(String reportId, int version) {}

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Id
    public int version;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(name = "organisation_name")
    public String organisationName;

    @Column(name = "county_code")
    public String countyCode;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VersionState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionSource source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public AnnualReport report;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "import_notes", nullable = false)
    public List<String> importNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Finding> findings;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "public_url")
    public String publicUrl;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<CellSource> provenance;

    static StoredVersion of(ReportVersion v) {
        StoredVersion s = new StoredVersion();
        s.reportId = v.reportId();
        s.version = v.version();
        s.organisationCode = v.organisationCode();
        s.organisationName = v.organisationName();
        s.countyCode = v.countyCode();
        s.year = v.year();
        s.state = v.state();
        s.source = v.source();
        s.report = v.report();
        s.importNotes = v.importNotes() == null ? List.of() : v.importNotes();
        s.submittedAt = v.submittedAt();
        s.submittedBy = v.submittedBy();
        s.updatedAt = v.updatedAt();
        s.provenance = v.provenance();
        return s;
    }

    ReportVersion version() {
        return new ReportVersion(
                reportId,
                version,
                organisationCode,
                organisationName,
                countyCode,
                year,
                state,
                source,
                report,
                importNotes,
                findings == null ? List.of() : findings,
                reviewComment,
                publicUrl,
                submittedAt,
                submittedBy,
                updatedAt,
                provenance);
    }
}
