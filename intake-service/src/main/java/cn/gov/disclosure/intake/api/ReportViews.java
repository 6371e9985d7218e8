package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.intake.submission.ReportVersion;
import cn.gov.disclosure.intake.submission.SubmissionService;
import cn.gov.disclosure.intake.submission.VersionState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** What the intake API answers. */
public final class ReportViews {

    private ReportViews() {}

    public static String statusUrl(String reportId) {
        return "/api/v1/reports/" + reportId;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(
            String reportId,
            int version,
            VersionState state,
            String stateLabel,
            String statusUrl,
            List<String> importNotes) {
        static Accepted of(SubmissionService.Receipt r) {
            return new Accepted(
                    r.reportId(),
                    r.version(),
                    r.state(),
                    r.state().labelZh(),
                    ReportViews.statusUrl(r.reportId()),
                    r.notes().isEmpty() ? null : r.notes());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(
            int version,
            VersionState state,
            String stateLabel,
            String source,
            OffsetDateTime submittedAt,
            String submittedBy,
            OffsetDateTime updatedAt,
            List<Finding> findings,
            String reviewComment,
            String publicUrl,
            List<String> importNotes,
            AnnualReport report,
            List<CellSource> provenance) {
        static VersionView of(ReportVersion v, boolean withReport) {
            return new VersionView(
                    v.version(),
                    v.state(),
                    v.state().labelZh(),
                    v.source().name(),
                    v.submittedAt(),
                    v.submittedBy(),
                    v.updatedAt(),
                    v.findings().isEmpty() ? null : v.findings(),
                    v.reviewComment(),
                    v.publicUrl(),
                    v.importNotes().isEmpty() ? null : v.importNotes(),
                    withReport ? v.report() : null,
                    withReport && !v.provenance().isEmpty() ? v.provenance() : null);
        }
    }

    public record ReportStatus(
            String reportId,
            String organisationCode,
            String organisationName,
            int year,
            VersionState state,
            String stateLabel,
            List<VersionView> versions) {
        static ReportStatus of(List<ReportVersion> versions) {
            ReportVersion latest = versions.get(versions.size() - 1);
            return new ReportStatus(
                    latest.reportId(),
                    latest.organisationCode(),
                    latest.organisationName(),
                    latest.year(),
                    latest.state(),
                    latest.state().labelZh(),
                    versions.stream().map(v -> VersionView.of(v, false)).toList());
        }
    }

    public record ReportSummary(
            String reportId,
            String organisationCode,
            String organisationName,
            int year,
            int latestVersion,
            VersionState state,
            String stateLabel,
            OffsetDateTime updatedAt,
            String statusUrl) {
        static ReportSummary of(ReportVersion v) {
            return new ReportSummary(
                    v.reportId(),
                    v.organisationCode(),
                    v.organisationName(),
                    v.year(),
                    v.version(),
                    v.state(),
                    v.state().labelZh(),
                    v.updatedAt(),
                    ReportViews.statusUrl(v.reportId()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A new year's report started from last year's approved version ({@code basedOn…}); nothing stored. */
    public record Prefill(AnnualReport report, String basedOnReportId, int basedOnVersion) {}

    /**
     * A dry run's answer: the report read, the importer's notes, the format the document was read as (pdf, html …) and
     * where each cell came from.
     */
    public record ImportPreview(
            AnnualReport report, List<String> importNotes, String format, List<CellSource> provenance) {}
}
