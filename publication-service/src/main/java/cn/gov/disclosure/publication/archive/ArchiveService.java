package cn.gov.disclosure.publication.archive;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.publication.render.PdfRenderer;
import cn.gov.disclosure.publication.render.ReportRenderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The archive: each published version once, as a BagIt package {@code <reportId>-v<version>} under
 * {@code archive.root}: data/report.json, report.html, report.pdf (the bytes sent to the portal), findings.json,
 * review-audit.json (audit trail and acknowledgements). Nothing here overwrites or deletes a package.
 */
@ApplicationScoped
public class ArchiveService {

    private static final Logger LOG = Logger.getLogger(ArchiveService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Path root;

    public ArchiveService(@ConfigProperty(name = "archive.root") String root) {
        this.root = Path.of(root);
    }

    public Path root() {
        return root;
    }

    public static String archiveId(String reportId, int version) {
        return reportId + "-v" + version;
    }

    /** The review's record kept beside the report: who decided, the transitions, the acknowledged warnings. */
    public record ReviewAudit(
            String reportId,
            int version,
            String organisationCode,
            String organisationName,
            String countyCode,
            int year,
            ReviewDecided.Decision decision,
            String comment,
            String decidedBy,
            OffsetDateTime decidedAt,
            List<ReviewDecided.AuditEntry> auditTrail,
            List<ReviewDecided.Acknowledgement> acknowledgements) {}

    /**
     * Archives a published version; answers the package id. When the package already exists (an earlier attempt
     * wrote it, then stopped before recording the outcome), the existing package is kept and used if it verifies.
     */
    public String archive(ReviewDecided d, ReportRenderer.Rendered rendered, String publicUrl) {
        String id = archiveId(d.reportId(), d.version());
        Map<String, byte[]> payload = new LinkedHashMap<>();
        payload.put("report.json", json(d.report()));
        payload.put("report.html", rendered.htmlBytes());
        payload.put("report.pdf", rendered.pdf());
        payload.put("findings.json", json(d.findings()));
        payload.put(
                "review-audit.json",
                json(new ReviewAudit(
                        d.reportId(),
                        d.version(),
                        d.organisationCode(),
                        d.organisationName(),
                        d.countyCode(),
                        d.year(),
                        d.decision(),
                        d.comment(),
                        d.decidedBy(),
                        d.decidedAt(),
                        d.auditTrail(),
                        d.acknowledgements())));
        String organisation = rendered.view().organisationName();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", organisation);
        info.put("External-Identifier", publicUrl);
        info.put("External-Description", organisation + d.year() + "年政府信息公开工作年度报告（第" + d.version() + "版）");
        info.put("Bag-Group-Identifier", d.reportId());
        info.put("Internal-Sender-Identifier", id);
        // report.pdf is PDF/A (PdfRenderer.archival): what an archivist's intake checks for
        info.put("Payload-PDF-Conformance", PdfRenderer.CONFORMANCE);
        info.put("Organisation-Code", d.organisationCode());
        info.put("Organisation-Name", organisation);
        info.put("County-Code", d.countyCode() == null ? "" : d.countyCode());
        info.put("Reporting-Year", Integer.toString(d.year()));
        info.put("Report-Id", d.reportId());
        info.put("Report-Version", Integer.toString(d.version()));
        info.put(
                "Template",
                d.report().template() == null
                        ? ""
                        : d.report().template().code() + " "
                                + d.report().template().notice());
        info.put(
                "Approval-Time",
                d.decidedAt() == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.decidedAt()));
        info.put("Approved-By", d.decidedBy() == null ? "" : d.decidedBy());
        info.put("Bag-Software-Agent", "publication-service");
        try {
            new BagWriter(root).write(id, payload, info, LocalDate.now(CHINA));
            LOG.infof("Archived %s in %s", id, root);
            return id;
        } catch (BagWriter.PackageExistsException e) {
            BagVerifier.PackageResult existing = new BagVerifier(root).verify(root.resolve(id));
            if (!existing.valid()) {
                throw new IllegalStateException(
                        "archive package " + id + " exists and no longer verifies: " + existing.problems());
            }
            LOG.infof("Archive package %s was written before; kept as it is", id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + id + " in " + root, e);
        }
    }

    public boolean exists(String archiveId) {
        return Files.isDirectory(root.resolve(archiveId));
    }

    public BagVerifier.Report verify() {
        return new BagVerifier(root).verifyAll();
    }

    private static byte[] json(Object o) {
        try {
            return ContractsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
