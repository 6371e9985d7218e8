package cn.gov.disclosure.contracts.events;

import java.time.OffsetDateTime;

/** The approved version is on the portal at {@code publicUrl} and archived as package {@code archiveId}. */
public record ReportPublished(
        String reportId,
        int version,
        String organisationCode,
        int year,
        String publicUrl,
        String archiveId,
        OffsetDateTime publishedAt)
        implements EventPayload {}
