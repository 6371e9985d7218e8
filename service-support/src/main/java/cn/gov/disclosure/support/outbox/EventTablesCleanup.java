package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.support.observability.EventMetrics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the event tables small: published outbox rows older than {@code outbox.retention} and inbox rows older than
 * {@code outbox.inbox-retention} are deleted, a bounded batch at a time, every {@code outbox.cleanup-interval}. Two
 * replicas may both run it: a row deleted twice is deleted once. The tables' sizes are a gauge,
 * {@code annual_report.event_table.rows{table}} (PostgreSQL's estimate, free to read).
 */
@ApplicationScoped
public class EventTablesCleanup {

    private static final Logger LOG = Logger.getLogger(EventTablesCleanup.class);
    /** Rows deleted per statement: short transactions, no long lock on a big table. */
    static final int CHUNK = 5_000;

    public static final String TABLE_ROWS = "annual_report.event_table.rows";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;

    public EventTablesCleanup(AgroalDataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The tables' sizes as a gauge from the start (the first cleanup runs a minute later). */
    void registerGauges(@Observes StartupEvent start) {
        for (String table : new String[] {"outbox_event", "processed_event"}) {
            Gauge.builder(TABLE_ROWS, this, c -> c.estimatedRows(table))
                    .description("Rows in the service's event tables (outbox_event, processed_event), estimated")
                    .tag("table", table)
                    .strongReference(true)
                    .register(EventMetrics.registry());
        }
    }

    @Scheduled(
            every = "${outbox.cleanup-interval:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            clean();
        } catch (SQLException e) {
            LOG.warnf("Event tables cleanup: %s; will retry", e.getMessage());
        }
    }

    /** What one cleanup deleted. */
    public record Deleted(long outbox, long inbox) {}

    /** Deletes what is past its retention; returns how many rows of each table. */
    public Deleted clean() throws SQLException {
        long outbox = deleteOlderThan("""
                DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event
                  WHERE published_at < now() - make_interval(secs => ?) LIMIT ?)""", config.retention());
        long inbox = deleteOlderThan("""
                DELETE FROM processed_event WHERE event_id IN (SELECT event_id FROM processed_event
                  WHERE processed_at < now() - make_interval(secs => ?) LIMIT ?)""", config.inboxRetention());
        if (outbox + inbox > 0) {
            LOG.infof("Event tables cleanup: %d published outbox rows and %d inbox rows deleted", outbox, inbox);
        }
        return new Deleted(outbox, inbox);
    }

    private long deleteOlderThan(String sql, Duration retention) throws SQLException {
        long total = 0;
        int n;
        do {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDouble(1, retention.toMillis() / 1000.0);
                ps.setInt(2, CHUNK);
                n = ps.executeUpdate();
            }
            total += n;
        } while (n == CHUNK);
        return total;
    }

    private double estimatedRows(String table) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Math.max(0, rs.getDouble(1)) : Double.NaN;
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
