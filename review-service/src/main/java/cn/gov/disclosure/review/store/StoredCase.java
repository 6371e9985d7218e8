package cn.gov.disclosure.review.store;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One review case: a version that validation checked, and where the county's review of it stands. The state machine
 * is {@code ReviewStateMachine}; the row version (the case's ETag) moves on with every change of its representation.
 * The findings, the report and how it was read are loaded only when asked for (a case is read for its state far more
 * often).
 */
@Entity
@Table(name = "review_case")
public class StoredCase {

    @Id
    public String id;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(nullable = false)
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
    public State state;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Finding> findings;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public AnnualReport report;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "import_notes", nullable = false)
    public List<String> importNotes;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<CellSource> provenance;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "validated_at")
    public OffsetDateTime validatedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_by_name")
    public String claimedByName;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_by_name")
    public String decidedByName;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "superseded_by")
    public String supersededBy;

    /** The W3C traceparent of the submission (received with report validated), continued by the decision. */
    @Column(name = "origin_traceparent")
    public String originTraceparent;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    ReviewCase toCase() {
        return new ReviewCase(
                id,
                reportId,
                version,
                organisationCode,
                organisationName,
                countyCode,
                year,
                state,
                passed,
                errorCount,
                warningCount,
                submittedAt,
                validatedAt,
                createdAt,
                updatedAt,
                claimedBy,
                claimedByName,
                claimedAt,
                decidedBy,
                decidedByName,
                decidedAt,
                decisionComment,
                supersededBy,
                rowVersion);
    }
}
