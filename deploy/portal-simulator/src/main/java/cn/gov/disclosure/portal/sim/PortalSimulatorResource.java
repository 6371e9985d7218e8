package cn.gov.disclosure.portal.sim;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a portal simulator ({@link PortalHttpServer}, real HTTP on a free port) for another service's
 * {@code @QuarkusTest} and points the service's REST client at it.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = PortalSimulatorResource.class, restrictToAnnotatedClass = false)
 * }</pre>
 *
 * <p>Init args (optional): {@code config-key}, the property to return the simulator's URL in (default
 * {@code quarkus.rest-client.portal.url}); {@code storage}, {@code true} to keep what it receives in a temporary
 * folder too (default: memory only). The URL is also set as the system property {@value #URL_PROPERTY}, which
 * {@link PortalSimulatorClient#running()} reads, so that tests can make it fail or slow down over HTTP.
 */
public class PortalSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "portal.simulator.url";

    private String configKey = "quarkus.rest-client.portal.url";
    private boolean storage;
    private PortalHttpServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        configKey = initArgs.getOrDefault("config-key", configKey);
        storage = Boolean.parseBoolean(initArgs.getOrDefault("storage", "false"));
    }

    @Override
    public Map<String, String> start() {
        Path dir = null;
        if (storage) {
            try {
                dir = Files.createTempDirectory("portal-simulator-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        server = PortalHttpServer.start("127.0.0.1", 0, dir);
        System.setProperty(URL_PROPERTY, server.baseUrl());
        Map<String, String> config = new LinkedHashMap<>();
        config.put(configKey, server.baseUrl());
        config.put(URL_PROPERTY, server.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
