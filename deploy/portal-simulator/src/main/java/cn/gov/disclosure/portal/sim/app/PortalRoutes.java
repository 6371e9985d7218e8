package cn.gov.disclosure.portal.sim.app;

import cn.gov.disclosure.portal.sim.PortalCore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Quarkus app of the simulator (local stack, port 8090): every request goes to the same {@link PortalCore} the
 * tests run on the JDK server, so both behave alike.
 */
@ApplicationScoped
public class PortalRoutes {

    private static final Logger LOG = Logger.getLogger(PortalRoutes.class);

    private final PortalCore core;

    public PortalRoutes(
            @ConfigProperty(name = "portal.storage-dir") Optional<String> storageDir,
            @ConfigProperty(name = "portal.public-base-url") String publicBaseUrl) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        Path dir = storageDir.filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        this.core = new PortalCore(dir, () -> base);
        LOG.infof(
                "Portal simulator: public pages under %s/reports/, storage %s", base, dir == null ? "in memory" : dir);
    }

    public PortalCore core() {
        return core;
    }

    void routes(@Observes Router router) {
        router.route().order(-1).handler(BodyHandler.create().setBodyLimit(50L * 1024 * 1024));
        router.route().blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext ctx) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
        PortalCore.Reply reply = core.handle(
                ctx.request().method().name(),
                ctx.request().path(),
                name -> ctx.request().getHeader(name),
                body);
        HttpServerResponse response = ctx.response().setStatusCode(reply.status());
        response.putHeader("Content-Type", reply.contentType());
        reply.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(reply.body()));
    }
}
