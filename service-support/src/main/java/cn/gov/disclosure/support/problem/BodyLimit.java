package cn.gov.disclosure.support.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body larger than {@code api.max-body-size} (default 5 MiB) with a 413 problem+json, from its
 * Content-Length, before the body is read. ({@code quarkus.http.limits.max-body-size} stays as the hard cap for
 * bodies sent without a length.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "api.max-body-size", defaultValue = "5242880") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length)) {
                String body = """
                        {"type":"%stoo-large","title":"请求体过大","status":413,"detail":"文档不能超过 %d MB",\
                        "titleEn":"Request body too large","detailEn":"the limit is %d MB"}""".formatted(Problem.TYPE_BASE, maxBytes / (1024 * 1024), maxBytes / (1024 * 1024));
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
