package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.AnnualReport;

import java.time.OffsetDateTime;
import java.util.List;

/** The validation service checked a version: {@code passed} when no finding is an error. Carries the report. */
public record ReportValidated(String reportId, int version, String organisationCode, String organisationName,
                              String countyCode, int year, OffsetDateTime submittedAt, boolean passed,
                              List<Finding> findings, OffsetDateTime validatedAt, AnnualReport report)
        implements EventPayload {
    public ReportValidated {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
