package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.support.observability.EventMetrics;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Retries a consumer method that failed for a transient reason. It runs outside {@code @Transactional} (a lower
 * priority than the transaction interceptor's), so every attempt is a new transaction: the failed one rolled back
 * whole, and the inbox makes a repeated attempt harmless. Pauses 0.5 s, doubling up to 10 s; after
 * {@code consumer.retry.max-duration} (default 3 minutes, below Kafka's 5-minute poll interval) the failure is passed
 * on and the failure strategy dead-letters the record ({@code deploy/replay-dlq.sh} puts it back).
 */
@RetryTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RetryTransientInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryTransientInterceptor.class);

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        Duration max = ConfigProvider.getConfig().getOptionalValue("consumer.retry.max-duration", Duration.class)
                .orElse(Duration.ofMinutes(3));
        long deadline = System.nanoTime() + max.toNanos();
        long pause = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (!isTransient(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                EventMetrics.counter(EventMetrics.RETRIED, "method", ctx.getMethod().getName()).increment();
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", ctx.getMethod().getName(), attempt, pause,
                        rootMessage(e));
                Thread.sleep(pause);
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
