package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.publication.archive.ArchiveService;
import cn.gov.disclosure.publication.render.ReportLayout;
import cn.gov.disclosure.publication.render.ReportRenderer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The renderer with the configured CJK font ({@code pdf.font.path}, {@code pdf.font.name}). */
@ApplicationScoped
public class RenderService {

    private final ReportRenderer renderer;

    public RenderService(
            @ConfigProperty(name = "pdf.font.path", defaultValue = ReportRenderer.DEFAULT_FONT) String fontPath,
            @ConfigProperty(name = "pdf.font.name") Optional<String> fontName) {
        this.renderer = new ReportRenderer(Path.of(fontPath), fontName.orElse(null));
    }

    /** The page and PDF of an approved version; the same decision always gives the same bytes. */
    public ReportRenderer.Rendered render(ReviewDecided d) {
        return renderer.render(
                d.report(),
                new ReportLayout.Meta(d.organisationName(), d.year(), d.version(), d.decidedAt()),
                ArchiveService.archiveId(d.reportId(), d.version()));
    }

    /**
     * The PDF a report would be published as, before anyone approved it (a reviewer's preview): marked as a preview
     * in its document id, dated now.
     */
    public byte[] preview(AnnualReport report) {
        return renderer.render(
                        report,
                        new ReportLayout.Meta(
                                report.organisationName(), report.year(), 0, OffsetDateTime.now(ZoneOffset.UTC)),
                        "preview")
                .pdf();
    }

    @PreDestroy
    void close() {
        renderer.close();
    }
}
