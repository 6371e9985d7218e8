package cn.gov.disclosure.contracts.events;

import java.time.OffsetDateTime;

/** The township withdrew version {@code version} before the county decided on it: nobody should review it. */
public record ReportWithdrawn(
        String reportId, int version, String organisationCode, int year, String withdrawnBy, OffsetDateTime withdrawnAt)
        implements EventPayload {}
