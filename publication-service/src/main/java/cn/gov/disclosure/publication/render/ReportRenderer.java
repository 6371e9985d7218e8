package cn.gov.disclosure.publication.render;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** An approved report as the public reads it: the HTML page and the PDF of the same content. Plain Java. */
public final class ReportRenderer implements AutoCloseable {

    /** Debian's fonts-wqy-microhei (文泉驿微米黑), the default CJK font. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private final HtmlRenderer html = new HtmlRenderer();
    private final PdfRenderer pdf;

    public ReportRenderer(Path fontPath, String fontName) {
        this.pdf = new PdfRenderer(fontPath, fontName);
    }

    public ReportRenderer() {
        this(Path.of(DEFAULT_FONT), null);
    }

    /** The rendered page and PDF. */
    public record Rendered(ReportView view, String html, byte[] pdf) {
        public byte[] htmlBytes() {
            return html.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param documentId a stable id of this version (e.g. {@code 350582107-2020-v1}): the PDF's document id
     */
    public Rendered render(AnnualReport report, ReportLayout.Meta meta, String documentId) {
        ReportView view = ReportLayout.of(report, meta);
        return new Rendered(view, html.render(view), pdf.render(view, documentId, meta.approvedAt()));
    }

    @Override
    public void close() {
        pdf.close();
    }

    public String html(AnnualReport report, ReportLayout.Meta meta) {
        return html.render(ReportLayout.of(report, meta));
    }
}
