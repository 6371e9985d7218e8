package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.support.outbox.EventTablesCleanup;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.support.outbox.OutboxConfig;
import cn.gov.disclosure.support.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox as two replicas of a service see it (the same database, each its own relay, as deploy/k8s runs them):
 * every event reaches its topic exactly once, in the outbox's order; and the event tables are cleaned after their
 * retention. Real PostgreSQL and Kafka.
 */
@QuarkusTest
class OutboxReplicasTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    EventTablesCleanup cleanup;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void threeRelaysOnOneOutboxSendEveryEventOnceAndInOrder() throws Exception {
        String run = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        int events = 600;
        // the other replicas: relays of their own on the same database (the application's scheduled one runs too)
        OutboxRelay second = new OutboxRelay(dataSource, kafka, config, "validation-service-2");
        OutboxRelay third = new OutboxRelay(dataSource, kafka, config, "validation-service-3");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<?>> relays = new ArrayList<>();
            for (OutboxRelay r : List.of(second, third)) {
                relays.add(pool.submit(() -> {
                    long end = System.currentTimeMillis() + 60_000;
                    while (!done.get() && System.currentTimeMillis() < end) {
                        r.publishPending();
                        Thread.onSpinWait();
                    }
                }));
            }
            // written while the relays run, in transactions of 50: each report has ten versions withdrawn in order
            for (int t = 0; t < events / 50; t++) {
                int first = t * 50;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = first; i < first + 50; i++) {
                        outbox.enqueue(new ReportWithdrawn(
                                run + "-" + (i % 60), i / 60 + 1, "350582107", 2020, run, OffsetDateTime.now()));
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0);
            done.set(true);
            for (Future<?> f : relays) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            pool.shutdown();
        }

        List<ConsumerRecord<String, String>> records = KafkaProbe.readAll(
                Topics.REPORT_WITHDRAWN, r -> r.key() != null && r.key().startsWith(run + "-"), Duration.ofSeconds(3));
        Map<String, Long> perEvent = records.stream()
                .collect(Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_id"), Collectors.counting()));
        assertThat(perEvent).as("one record per event").hasSize(events);
        assertThat(perEvent.values()).allMatch(n -> n == 1);
        // per report (one partition), the versions in the order they were written
        Map<String, List<Integer>> versions = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(r -> version(r.value()), Collectors.toList())));
        assertThat(versions).hasSize(60);
        versions.values().forEach(v -> assertThat(v).isSorted().hasSize(10));
    }

    private static int version(String json) {
        int at = json.indexOf("\"version\":") + "\"version\":".length();
        int end = at;
        while (Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Integer.parseInt(json.substring(at, end));
    }

    @Test
    void publishedEventsAndHandledEventsAreDeletedAfterTheirRetention() throws Exception {
        String run = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                outbox.enqueue(new ReportWithdrawn(run + "-" + i, 1, "350582107", 2020, run, OffsetDateTime.now()));
            }
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM outbox_event WHERE record_key LIKE ? "
                                        + "AND published_at IS NOT NULL",
                                run + "%")
                        == 3);
        // published eight days ago, six days ago, an hour ago: the retention is seven days
        update("UPDATE outbox_event SET published_at = now() - interval '8 days' WHERE record_key = ?", run + "-0");
        update("UPDATE outbox_event SET published_at = now() - interval '1 hour' WHERE record_key = ?", run + "-1");
        update("UPDATE outbox_event SET published_at = now() - interval '6 days' WHERE record_key = ?", run + "-2");
        // handled events: one 31 days ago, one 29
        update(
                "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, 't', now() - interval '31 days')",
                run + "-old");
        update(
                "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, 't', now() - interval '29 days')",
                run + "-recent");

        EventTablesCleanup.Deleted deleted = cleanup.clean();

        assertThat(deleted.outbox()).isGreaterThanOrEqualTo(1);
        assertThat(deleted.inbox()).isGreaterThanOrEqualTo(1);
        assertThat(keys("SELECT record_key FROM outbox_event WHERE record_key LIKE ? ORDER BY record_key", run + "%"))
                .containsExactly(run + "-1", run + "-2");
        assertThat(keys("SELECT event_id FROM processed_event WHERE event_id LIKE ? ORDER BY event_id", run + "%"))
                .containsExactly(run + "-recent");
        assertThat(config.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.inboxRetention()).isGreaterThan(Duration.ofDays(7));
    }

    private long count(String sql, String arg) {
        return query(sql, arg, rs -> {
            try {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> keys(String sql, String arg) {
        return query(sql, arg, rs -> {
            List<String> out = new ArrayList<>();
            try {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    private <T> T query(String sql, String arg, Function<ResultSet, T> read) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return read.apply(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }
}
