package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.events.ReportIds;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.intake.importer.CellSource;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Stores a new version of a township's report and announces it, in one transaction. */
@ApplicationScoped
public class SubmissionService {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What the township gets back. */
    public record Receipt(String reportId, int version, VersionState state, List<String> notes) {
    }

    private final ReportVersionRepository repository;
    private final Outbox outbox;
    private final OrganisationRegistry registry;
    private final Clock clock;

    public SubmissionService(ReportVersionRepository repository, Outbox outbox, OrganisationRegistry registry) {
        this.repository = repository;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Receipt submit(Caller caller, AnnualReport report, SubmissionSource source, List<String> notes,
                          String idempotencyKey) {
        return submit(caller, report, source, notes, List.of(), idempotencyKey);
    }

    /** A new version of the caller's report, with the importer's notes and each cell's provenance (empty for JSON). */
    @Transactional
    public Receipt submit(Caller caller, AnnualReport report, SubmissionSource source, List<String> notes,
                          List<CellSource> provenance, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = repository.findIdempotent(caller.subject(), idempotencyKey);
            if (earlier.isPresent()) {
                ReportVersion v = repository.find(earlier.get().reportId(), earlier.get().version()).orElseThrow();
                return new Receipt(v.reportId(), v.version(), v.state(), v.importNotes());
            }
        }
        OrganisationRegistry.Organisation organisation = registry.find(caller.organisationCode())
                .orElseThrow(() -> ProblemException.forbidden("您的账号未关联已登记的单位（org " + caller.organisationCode() + "）",
                        "your account is not linked to a registered organisation (org " + caller.organisationCode() + ")"));
        SubmissionRules.checkAcceptable(report, OffsetDateTime.now(clock).atZoneSameInstant(BEIJING).getYear());

        String reportId = ReportIds.of(organisation.code(), report.year());
        int latest = repository.lockReport(reportId, organisation.code(), report.year());
        if (latest > 0) {
            ReportVersion current = repository.find(reportId, latest).orElseThrow();
            if (!current.state().allowsNewVersion()) {
                throw ProblemException.conflict("report-closed", "该年度报告已审核通过，不能再提交新版本",
                        "The report has been approved; no new version can be submitted",
                        "报告 " + reportId + " 第 " + latest + " 版状态为 " + current.state().labelZh(),
                        "report " + reportId + " version " + latest + " is " + current.state());
            }
        }
        int version = latest + 1;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String countyCode = registry.ancestor(organisation.code(), OrganisationRegistry.Level.COUNTY)
                .map(OrganisationRegistry.Organisation::code).orElse(null);
        ReportVersion stored = new ReportVersion(reportId, version, organisation.code(), organisation.officialName(),
                countyCode, report.year(), VersionState.SUBMITTED, source, report, notes, List.of(), null, null, now,
                caller.subject(), now, provenance);
        repository.insert(stored);
        if (idempotencyKey != null && !repository.rememberIdempotent(caller.subject(), idempotencyKey, reportId, version)) {
            throw ProblemException.conflict("idempotency-race", "相同的幂等键正在处理中，请重试",
                    "A request with the same Idempotency-Key is in progress; retry", null, null);
        }
        outbox.enqueue(new ReportSubmitted(reportId, version, organisation.code(), organisation.officialName(),
                countyCode, report.year(), now, caller.subject(), report, notes));
        return new Receipt(reportId, version, VersionState.SUBMITTED, notes);
    }

    /** Withdraws a version no reviewer has decided on; the other services learn it from *report withdrawn*. */
    @Transactional
    public ReportVersion withdraw(Caller caller, String reportId, int version) {
        ReportVersion current = repository.find(reportId, version)
                .orElseThrow(() -> ProblemException.notFound("报告 " + reportId + " 第 " + version + " 版",
                        "report " + reportId + " version " + version));
        if (!current.organisationCode().equals(caller.organisationCode())) {
            throw ProblemException.forbidden("只能撤回本单位的报告", "only your own organisation's reports can be withdrawn");
        }
        repository.lockReport(reportId, current.organisationCode(), current.year());
        current = repository.find(reportId, version).orElseThrow();
        if (!current.state().allowsWithdrawal()) {
            throw ProblemException.conflict("not-withdrawable", "该版本已不能撤回",
                    "This version can no longer be withdrawn",
                    "第 " + version + " 版当前状态为「" + current.state().labelZh() + "」",
                    "version " + version + " is " + current.state());
        }
        repository.updateState(reportId, version, VersionState.WITHDRAWN, null, null, null);
        outbox.enqueue(new ReportWithdrawn(reportId, version, current.organisationCode(), current.year(),
                caller.subject(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
        return repository.find(reportId, version).orElseThrow();
    }
}
