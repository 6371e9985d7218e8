package cn.gov.disclosure.intake.submission;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.ReportIds;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.contracts.registry.OrganisationNames;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.intake.store.Drafts;
import cn.gov.disclosure.intake.store.Versions;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Stores a new version of a township's report and announces it, in one transaction. */
@ApplicationScoped
public class SubmissionService {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What the township gets back. */
    public record Receipt(String reportId, int version, VersionState state, List<String> notes) {}

    private final Versions repository;
    private final Drafts drafts;
    private final Outbox outbox;
    private final OrganisationRegistry registry;
    private final Clock clock;

    public SubmissionService(Versions repository, Drafts drafts, Outbox outbox, OrganisationRegistry registry) {
        this.repository = repository;
        this.drafts = drafts;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Receipt submit(
            Caller caller, AnnualReport report, SubmissionSource source, List<String> notes, String idempotencyKey) {
        return submit(caller, report, source, notes, List.of(), idempotencyKey);
    }

    /** The receipt of the caller's earlier submission under {@code idempotencyKey}, if there was one. */
    public Optional<Receipt> earlier(Caller caller, String idempotencyKey) {
        return repository.findIdempotent(caller.subject(), idempotencyKey).map(this::receipt);
    }

    private Receipt receipt(Versions.KeyedVersion keyed) {
        ReportVersion v = repository.find(keyed.reportId(), keyed.version()).orElseThrow();
        return new Receipt(v.reportId(), v.version(), v.state(), v.importNotes());
    }

    /** A new version of the caller's report, with the importer's notes and each cell's provenance (empty for JSON). */
    @Transactional
    public Receipt submit(
            Caller caller,
            AnnualReport report,
            SubmissionSource source,
            List<String> notes,
            List<CellSource> provenance,
            String idempotencyKey) {
        // the report's hash only where an idempotency key needs it (it costs a serialisation of the report)
        String fingerprint = idempotencyKey == null ? null : fingerprint(report);
        if (idempotencyKey != null) {
            var earlier = repository.findIdempotent(caller.subject(), idempotencyKey);
            if (earlier.isPresent()) {
                if (earlier.get().fingerprint() != null
                        && !earlier.get().fingerprint().equals(fingerprint)) {
                    throw new ProblemException(
                            422,
                            "idempotency-key-reused",
                            "幂等键已用于另一份报告",
                            "The Idempotency-Key was used for another report",
                            "同一个 Idempotency-Key 已用于提交另一份内容不同的报告（"
                                    + earlier.get().reportId() + " 第 "
                                    + earlier.get().version() + " 版）。重试时请发送与第一次完全相同的内容；提交新内容请使用新的键",
                            "the same Idempotency-Key was used for a different report ("
                                    + earlier.get().reportId() + " version "
                                    + earlier.get().version() + "); retry with the same body, or use a new key");
                }
                return receipt(earlier.get());
            }
        }
        OrganisationRegistry.Organisation organisation = registry.find(caller.organisationCode())
                .orElseThrow(() -> ProblemException.forbidden(
                        "您的账号未关联已登记的单位（org " + caller.organisationCode() + "）",
                        "your account is not linked to a registered organisation (org " + caller.organisationCode()
                                + ")"));
        SubmissionRules.checkAcceptable(
                report, OffsetDateTime.now(clock).atZoneSameInstant(BEIJING).getYear());
        String named = report.organisationName();
        if (named != null && !named.isBlank() && !OrganisationNames.names(named, organisation)) {
            throw new ProblemException(
                    422,
                    "organisation-mismatch",
                    "报告所署机关与您的单位不符",
                    "The report names another organ than yours",
                    "报告署名为「" + named + "」，而您的账号属于「" + organisation.officialName() + "」。只能提交本单位的报告；"
                            + "如报告中的机关名称写错了，请改正后再提交",
                    "the report names '" + named + "' but your account belongs to '" + organisation.officialName()
                            + "'; submit your own organisation's report, or correct the name in it");
        }

        String reportId = ReportIds.of(organisation.code(), report.year());
        int latest = repository.lockReport(reportId, organisation.code(), report.year());
        if (latest > 0) {
            ReportVersion current = repository.find(reportId, latest).orElseThrow();
            if (!current.state().allowsNewVersion()) {
                throw ProblemException.conflict(
                        "report-closed",
                        "该年度报告已审核通过，不能再提交新版本",
                        "The report has been approved; no new version can be submitted",
                        "报告 " + reportId + " 第 " + latest + " 版状态为 "
                                + current.state().labelZh(),
                        "report " + reportId + " version " + latest + " is " + current.state());
            }
            if (current.state() != VersionState.WITHDRAWN && current.report().equals(report)) {
                throw ProblemException.conflict(
                        "identical-to-latest",
                        "与最新版本内容相同，未生成新版本",
                        "Identical to the latest version; no new version was made",
                        "提交的报告与第 " + latest + " 版（" + current.state().labelZh() + "）完全相同，未生成新版本。"
                                + "如需修改，请改正后再提交；查看状态请打开第 " + latest + " 版",
                        "the report is identical to version " + latest + " (" + current.state() + "); no new version");
            }
        }
        int version = latest + 1;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String countyCode = registry.ancestor(organisation.code(), OrganisationRegistry.Level.COUNTY)
                .map(OrganisationRegistry.Organisation::code)
                .orElse(null);
        ReportVersion stored = new ReportVersion(
                reportId,
                version,
                organisation.code(),
                organisation.officialName(),
                countyCode,
                report.year(),
                VersionState.SUBMITTED,
                source,
                report,
                notes,
                List.of(),
                null,
                null,
                now,
                caller.subject(),
                now,
                provenance);
        repository.insert(stored);
        if (idempotencyKey != null
                && !repository.rememberIdempotent(caller.subject(), idempotencyKey, reportId, version, fingerprint)) {
            throw ProblemException.conflict(
                    "idempotency-race",
                    "相同的幂等键正在处理中，请重试",
                    "A request with the same Idempotency-Key is in progress; retry",
                    null,
                    null);
        }
        drafts.delete(organisation.code(), report.year()); // the draft became this version
        outbox.enqueue(new ReportSubmitted(
                reportId,
                version,
                organisation.code(),
                organisation.officialName(),
                countyCode,
                report.year(),
                now,
                caller.subject(),
                report,
                notes,
                provenance));
        return new Receipt(reportId, version, VersionState.SUBMITTED, notes);
    }

    /** SHA-256 of the report as the contracts write it: what an idempotency key was used for. */
    static String fingerprint(AnnualReport report) {
        try {
            byte[] json = ContractsJson.mapper().writeValueAsBytes(report);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Withdraws a version no reviewer has decided on; the other services learn it from *report withdrawn*. */
    @Transactional
    public ReportVersion withdraw(Caller caller, String reportId, int version) {
        ReportVersion current = repository
                .find(reportId, version)
                .orElseThrow(() -> ProblemException.notFound(
                        "报告 " + reportId + " 第 " + version + " 版", "report " + reportId + " version " + version));
        if (!current.organisationCode().equals(caller.organisationCode())) {
            throw ProblemException.forbidden("只能撤回本单位的报告", "only your own organisation's reports can be withdrawn");
        }
        repository.lockReport(reportId, current.organisationCode(), current.year());
        current = repository.find(reportId, version).orElseThrow();
        if (!current.state().allowsWithdrawal()) {
            throw ProblemException.conflict(
                    "not-withdrawable",
                    "该版本已不能撤回",
                    "This version can no longer be withdrawn",
                    "第 " + version + " 版当前状态为「" + current.state().labelZh() + "」",
                    "version " + version + " is " + current.state());
        }
        repository.updateState(reportId, version, VersionState.WITHDRAWN, null, null, null);
        outbox.enqueue(new ReportWithdrawn(
                reportId,
                version,
                current.organisationCode(),
                current.year(),
                caller.subject(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
        return repository.find(reportId, version).orElseThrow();
    }
}
