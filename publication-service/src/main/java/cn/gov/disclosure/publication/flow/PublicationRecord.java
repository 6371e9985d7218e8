package cn.gov.disclosure.publication.flow;

import java.time.OffsetDateTime;

/** One approved version and its publication, as stored. */
public record PublicationRecord(
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        PublicationStatus status,
        OffsetDateTime approvedAt,
        String approvedBy,
        int attempts,
        String publicUrl,
        String versionUrl,
        String archiveId,
        String failureReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {}
