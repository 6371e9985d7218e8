package cn.gov.disclosure.intake.history;

import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportIds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.contracts.registry.OrganisationNames;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.intake.importer.ImportException;
import cn.gov.disclosure.intake.importer.ImportNote;
import cn.gov.disclosure.intake.importer.ImportProblem;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
import cn.gov.disclosure.intake.importer.UnsupportedDocumentException;
import cn.gov.disclosure.intake.store.Histories;
import cn.gov.disclosure.intake.store.StoredHistory;
import cn.gov.disclosure.intake.store.Versions;
import cn.gov.disclosure.intake.submission.ReportVersion;
import cn.gov.disclosure.intake.submission.VersionState;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Caller;
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
import org.jboss.logging.Logger;

/**
 * History from day one: a province administrator loads an organisation's earlier published report (its PDF, portal
 * page or Word file) for a year; it is read by the same importer as a township's document, kept with the document,
 * and announced as <em>history imported</em> (version 0) to the services that need last year's report. What is not
 * read unambiguously — the importer cannot tell the cells apart, or the document names another organ or year — is
 * listed for a person ({@code NEEDS_ATTENTION}, with the reason), never guessed or announced. A history never replaces
 * a report approved in the platform: loading one for such a year is refused (409), and the consumers keep the
 * platform's report if it comes later.
 */
@ApplicationScoped
public class HistoryImports {

    private static final Logger LOG = Logger.getLogger(HistoryImports.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The outcome of one load. */
    public record Outcome(
            long id,
            String organisationCode,
            String organisationName,
            int year,
            StoredHistory.Status status,
            String reportId,
            List<String> importNotes,
            String problemZh,
            List<ImportProblem> problems) {}

    private final ReportImporter importer = new ReportImporter();
    private final Histories histories;
    private final Versions versions;
    private final Outbox outbox;
    private final OrganisationRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public HistoryImports(Histories histories, Versions versions, Outbox outbox, OrganisationRegistry registry) {
        this.histories = histories;
        this.versions = versions;
        this.outbox = outbox;
        this.registry = registry;
    }

    /**
     * Loads one document as the organisation's report of {@code year}.
     *
     * @throws ProblemException 400 an unknown organisation or a year that is not over, 409 a report of that year was
     *                          approved in the platform, 415 (from the importer) a kind of file that is no report
     */
    @Transactional
    public Outcome load(Caller caller, String organisationCode, int year, String sourceName, byte[] document) {
        OrganisationRegistry.Organisation organisation = registry.find(organisationCode)
                .orElseThrow(() -> ProblemException.badRequest(
                        "unknown-organisation",
                        "未登记的单位",
                        "Unknown organisation",
                        List.of(Problem.Error.at(
                                "?organisation",
                                "单位代码 " + organisationCode + " 不在单位名录中",
                                "organisation " + organisationCode + " is not in the registry"))));
        int thisYear = OffsetDateTime.now(clock).atZoneSameInstant(BEIJING).getYear();
        if (year < TemplateVersion.FIRST_REPORTING_YEAR || year >= thisYear) {
            throw ProblemException.badRequest(
                    "invalid-year",
                    "年度不正确",
                    "Invalid year",
                    List.of(Problem.Error.at(
                            "?year",
                            "历史报告的年度须在 " + TemplateVersion.FIRST_REPORTING_YEAR + " 年至 " + (thisYear - 1) + " 年之间",
                            "a history year lies between " + TemplateVersion.FIRST_REPORTING_YEAR + " and "
                                    + (thisYear - 1))));
        }
        String reportId = ReportIds.of(organisation.code(), year);
        if (approvedInThePlatform(reportId)) {
            throw ProblemException.conflict(
                    "approved-in-platform",
                    "该年度已有平台内审核通过的报告",
                    "A report of that year was approved in the platform",
                    organisation.officialName() + year + "年度的报告已在平台内审核通过，历史文档不能替代它",
                    "the platform's approved report of that year stays; a history cannot replace it");
        }
        StoredHistory row = new StoredHistory();
        row.organisationCode = organisation.code();
        row.year = year;
        row.sourceName = sourceName;
        row.sourceSha256 = sha256(document);
        row.document = document;
        row.importedBy = caller.subject();
        row.importedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        row.importNotes = List.of();

        ImportResult read;
        try {
            read = importer.importDocument(document);
        } catch (UnsupportedDocumentException e) {
            throw e; // not a report at all: the resource answers 415, nothing is kept
        } catch (ImportException e) {
            String problem = e.problems().isEmpty()
                    ? "文档无法读取为年度报告"
                    : String.join(
                            "；",
                            e.problems().stream().map(ImportProblem::messageZh).toList());
            return attention(row, organisation, problem, e.problems());
        }
        row.format = read.format().code();
        row.importNotes = read.notes().stream().map(ImportNote::describe).toList();
        List<ImportNote> unread =
                read.notes().stream().filter(ImportNote::unread).toList();
        if (!unread.isEmpty()) {
            // figures the document holds but the importer could not tell apart: a person fills them in, never a guess
            return attention(
                    row,
                    organisation,
                    "文档中有数字无法确定地读出，未导入："
                            + String.join(
                                    "；",
                                    unread.stream().map(ImportNote::messageZh).toList()),
                    unread.stream()
                            .map(n -> new ImportProblem(n.line(), n.row(), List.of(), n.messageZh(), n.messageEn()))
                            .toList());
        }
        AnnualReport report = read.report();
        if (report.year() != year) {
            return attention(row, organisation, "文档是 " + report.year() + " 年度的报告，不是 " + year + " 年度的", List.of());
        }
        String named = report.organisationName();
        if (named == null || named.isBlank()) {
            return attention(
                    row, organisation, "文档中找不到发布报告的机关名称，无法确认是" + organisation.officialName() + "的报告", List.of());
        }
        if (!OrganisationNames.names(named, organisation)) {
            return attention(
                    row, organisation, "文档署名为「" + named + "」，与「" + organisation.officialName() + "」不符", List.of());
        }
        histories
                .currentForUpdate(organisation.code(), year)
                .ifPresent(old -> old.status = StoredHistory.Status.REPLACED);
        histories.flush();
        row.status = StoredHistory.Status.IMPORTED;
        row.report = report;
        histories.persist(row);
        String county = registry.ancestor(organisation.code(), OrganisationRegistry.Level.COUNTY)
                .map(OrganisationRegistry.Organisation::code)
                .orElse(null);
        outbox.enqueue(new HistoryImported(
                reportId,
                0,
                organisation.code(),
                organisation.officialName(),
                county,
                year,
                report,
                sourceName,
                row.sourceSha256,
                row.importNotes,
                caller.subject(),
                row.importedAt));
        LOG.infof("History of %s %d loaded from %s (%s)", organisation.code(), year, sourceName, row.format);
        return outcome(row, organisation, reportId, null, List.of());
    }

    /** Every load of a year, newest first. */
    public List<Outcome> ofYear(int year) {
        return histories.ofYear(year).stream()
                .map(h -> outcome(
                        h,
                        registry.find(h.organisationCode).orElse(null),
                        h.status == StoredHistory.Status.NEEDS_ATTENTION
                                ? null
                                : ReportIds.of(h.organisationCode, h.year),
                        h.problem,
                        List.of()))
                .toList();
    }

    private boolean approvedInThePlatform(String reportId) {
        for (ReportVersion v : versions.versions(reportId)) {
            if (v.state() == VersionState.APPROVED || v.state() == VersionState.PUBLISHED) {
                return true;
            }
        }
        return false;
    }

    private Outcome attention(
            StoredHistory row,
            OrganisationRegistry.Organisation organisation,
            String problem,
            List<ImportProblem> problems) {
        row.status = StoredHistory.Status.NEEDS_ATTENTION;
        row.problem = problem;
        histories.persist(row);
        LOG.infof("History of %s %d needs a person: %s", row.organisationCode, row.year, problem);
        return outcome(row, organisation, null, problem, problems);
    }

    private static Outcome outcome(
            StoredHistory row,
            OrganisationRegistry.Organisation organisation,
            String reportId,
            String problem,
            List<ImportProblem> problems) {
        return new Outcome(
                row.id,
                row.organisationCode,
                organisation == null ? null : organisation.officialName(),
                row.year,
                row.status,
                reportId,
                row.importNotes,
                problem,
                problems);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
