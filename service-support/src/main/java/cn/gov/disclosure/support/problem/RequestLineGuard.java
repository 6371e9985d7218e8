package cn.gov.disclosure.support.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses, before any resource sees it, a request whose path or query carries a control character (raw, or
 * percent-encoded such as {@code %00}): no identifier, year or filter of the platform contains one, and PostgreSQL
 * cannot even compare a text with a NUL byte. 400 problem+json, in Chinese with English beside it.
 */
@ApplicationScoped
public class RequestLineGuard {

    void install(@Observes Router router) {
        router.route().order(-1001).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && hasControlCharacter(uri)) {
                String body = """
                        {"type":"%sbad-request-line","title":"请求地址含有控制字符","status":400,\
                        "detail":"地址或查询参数中不能有控制字符（如 %%00）","titleEn":"Control character in the request line",\
                        "detailEn":"the path and the query must not contain control characters such as %%00"}""".formatted(Problem.TYPE_BASE);
                ctx.response()
                        .setStatusCode(400)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    /** Whether the raw request line has a control character, itself or percent-encoded (%00–%1F, %7F). */
    static boolean hasControlCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
            if (c == '%' && i + 2 < uri.length()) {
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    int b = hi * 16 + lo;
                    if (b < 0x20 || b == 0x7F) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
