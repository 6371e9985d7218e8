package cn.gov.disclosure.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config a service's @QuarkusTest gets, and the singletons behind it. */
class RealInfrastructureResourceTest {

    @Test
    void returnsTheConfigOfOneSharedBrokerAndServer() throws Exception {
        RealInfrastructureResource review = new RealInfrastructureResource();
        review.init(Map.of("database", "review"));
        Map<String, String> config = review.start();
        System.out.println("config: " + config);

        assertEquals(RealInfrastructureResource.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("false", config.get("quarkus.kafka.devservices.enabled"));
        assertEquals("false", config.get("quarkus.datasource.devservices.enabled"));
        assertEquals(RealInfrastructureResource.jdbcUrl("review"), config.get("quarkus.datasource.jdbc.url"));
        assertEquals("review", config.get("quarkus.datasource.username"));
        assertEquals("review", config.get("quarkus.datasource.password"));
        try (Connection c = DriverManager.getConnection(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals("review", rs.getString(1));
        }

        RealInfrastructureResource publication = new RealInfrastructureResource();
        publication.init(Map.of("database", "publication", "kafka", "false", "reactive", "true"));
        Map<String, String> other = publication.start();
        assertEquals(
                config.get("quarkus.datasource.jdbc.url").replace("/review", "/publication"),
                other.get("quarkus.datasource.jdbc.url"),
                "the same server");
        assertEquals(
                other.get("quarkus.datasource.jdbc.url").substring("jdbc:".length()),
                other.get("quarkus.datasource.reactive.url"));
        assertTrue(!other.containsKey("kafka.bootstrap.servers"));
        assertSame(RealInfrastructureResource.kafka(), RealInfrastructureResource.kafka());
        assertSame(RealInfrastructureResource.postgres(), RealInfrastructureResource.postgres());
    }
}
