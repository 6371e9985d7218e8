package cn.gov.disclosure.portal.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal simulator on the JDK's own HTTP server: real HTTP on a port of its own, no framework. Tests start it
 * through {@link PortalSimulatorResource}; {@link #main} runs it standalone.
 */
public final class PortalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final PortalCore core;
    private final String baseUrl;

    private PortalHttpServer(HttpServer server, ExecutorService executor, PortalCore core, String baseUrl) {
        this.server = server;
        this.executor = executor;
        this.core = core;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a simulator on {@code host:port} ({@code port} 0: a free port).
     *
     * @param storageDir where to keep what is received too, or {@code null} for memory only
     */
    public static PortalHttpServer start(String host, int port, Path storageDir) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            String base = "http://" + host + ":" + server.getAddress().getPort();
            PortalCore core = new PortalCore(storageDir, () -> base);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "portal-simulator-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", exchange -> serve(core, exchange));
            server.start();
            return new PortalHttpServer(server, executor, core, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the portal simulator on " + host + ":" + port, e);
        }
    }

    private static void serve(PortalCore core, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            PortalCore.Reply reply = core.handle(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    name -> exchange.getRequestHeaders().getFirst(name),
                    body);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
            if (!head && reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. it timed out while the simulator was slow): nothing to answer
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public PortalCore core() {
        return core;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code java -cp portal-simulator.jar:jackson… PortalHttpServer [port] [storageDir]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        Path storage = args.length > 1 ? Path.of(args[1]) : null;
        PortalHttpServer s = start("127.0.0.1", port, storage);
        System.out.println("portal simulator on " + s.baseUrl());
        Thread.currentThread().join();
    }
}
