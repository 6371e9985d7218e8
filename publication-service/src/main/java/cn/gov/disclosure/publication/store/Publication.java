package cn.gov.disclosure.publication.store;

import cn.gov.disclosure.publication.flow.PublicationRecord;
import cn.gov.disclosure.publication.flow.PublicationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One approved version and its publication: PUBLISHING → PUBLISHED (public URL, archive id) or PUBLICATION_FAILED
 * (reason). A worker holds it for one attempt with a lease ({@code leaseToken} until {@code leaseUntil}).
 */
@Entity
@Table(name = "publication")
@IdClass(Publication.Key.class)
public class Publication {

    public record Key(String reportId, int version) {}

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Id
    public int version;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    @Column(name = "county_code")
    public String countyCode;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PublicationStatus status;

    /** The review decided payload exactly as received: report, findings, audit trail, acknowledgements. */
    @Column(nullable = false)
    public String decision;

    @Column(name = "decision_event_id", nullable = false)
    public String decisionEventId;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "public_url")
    public String publicUrl;

    @Column(name = "version_url")
    public String versionUrl;

    @Column(name = "archive_id")
    public String archiveId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "origin_traceparent")
    public String originTraceparent;

    /** Free for a worker: no lease, or the last worker's ran out (it crashed). */
    boolean free(OffsetDateTime now) {
        return leaseUntil == null || leaseUntil.isBefore(now);
    }

    public PublicationRecord record() {
        return new PublicationRecord(
                reportId,
                version,
                organisationCode,
                organisationName,
                countyCode,
                year,
                status,
                approvedAt,
                approvedBy,
                attempts,
                publicUrl,
                versionUrl,
                archiveId,
                failureReason,
                createdAt,
                updatedAt,
                publishedAt);
    }
}
