package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.RootCause;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Tries the handling of a record again when it failed for a reason that is not the record's fault (the database
 * restarting, a connection lost): pauses 0.5 s, doubling up to 10 s, until {@code maxDuration} (below Kafka's
 * 5-minute poll interval), then gives the failure up so the failure strategy dead-letters the record
 * ({@code deploy/replay-dlq.sh} puts it back). A record that cannot be read ({@code MalformedEventException}) is given
 * up at once. The caller makes each attempt a new transaction, so a failed attempt rolled back whole.
 */
final class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final Duration maxDuration;
    private final LongConsumer sleep;

    TransientRetry(Duration maxDuration) {
        this(maxDuration, TransientRetry::sleep);
    }

    TransientRetry(Duration maxDuration, LongConsumer sleep) {
        this.maxDuration = maxDuration;
        this.sleep = sleep;
    }

    void run(String topic, Runnable attempt) {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        long pause = 500;
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                EventMetrics.counter(EventMetrics.RETRIED, "topic", topic).increment();
                LOG.warnf(
                        "Handling a record of %s failed (attempt %d), retrying in %d ms: %s",
                        topic, n, pause, RootCause.describe(e));
                sleep.accept(pause);
                pause = Math.min(10_000, pause * 2);
            }
        }
    }

    /** Everything but a record that cannot be read is worth another attempt. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventCodec.MalformedEventException) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
