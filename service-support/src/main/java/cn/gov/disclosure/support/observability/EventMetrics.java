package cn.gov.disclosure.support.observability;

import cn.gov.disclosure.contracts.events.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The platform's own event metrics, one place for their names (Prometheus: {@code annual_report_events_*_total}).
 * Registered in Micrometer's global registry, to which Quarkus adds its Prometheus registry, so that static helpers
 * ({@link cn.gov.disclosure.support.inbox.IncomingEvents}) and beans count the same way.
 */
public final class EventMetrics {

    /** Events the outbox relay published, tag {@code topic}. */
    public static final String PUBLISHED = "annual_report.events.published";
    /** Events the relay could not publish yet (will retry), tag {@code topic}. */
    public static final String PUBLISH_FAILED = "annual_report.events.publish.failed";
    /** Events consumed and acknowledged, tags {@code topic}, {@code channel}. */
    public static final String CONSUMED = "annual_report.events.consumed";
    /** Records a consumer could not handle and sent to {@code <topic>.dlq}, tags {@code topic}, {@code channel}. */
    public static final String DEAD_LETTERED = "annual_report.events.dead_lettered";
    /** Attempts of a consumer method retried after a transient failure (the database away), tag {@code method}. */
    public static final String RETRIED = "annual_report.events.retried";
    /** Answers of the government portal to publication-service, tag {@code outcome} (published, refused, unavailable). */
    public static final String PORTAL_CALLS = "annual_report.portal.calls";
    /** Unpublished rows of the outbox (gauge). */
    public static final String OUTBOX_BACKLOG = "annual_report.outbox.backlog";
    /** Findings of the validation, tags {@code code}, {@code severity}. */
    public static final String VALIDATION_FINDINGS = "annual_report.validation.findings";
    /** Validation results, tag {@code outcome} (passed, failed). */
    public static final String VALIDATION_OUTCOMES = "annual_report.validation.outcomes";

    /** The MDC key of the report id in the log lines. */
    public static final String MDC_REPORT_ID = "reportId";

    private EventMetrics() {}

    public static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    public static Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry());
    }

    /** One validation result: its outcome and a count per finding code. */
    public static void validated(boolean passed, Iterable<? extends Finding> findings) {
        counter(VALIDATION_OUTCOMES, "outcome", passed ? "passed" : "failed").increment();
        for (var f : findings) {
            counter(VALIDATION_FINDINGS, "code", String.valueOf(f.code()), "severity", String.valueOf(f.severity()))
                    .increment();
        }
    }
}
