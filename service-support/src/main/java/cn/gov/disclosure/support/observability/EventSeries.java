package cn.gov.disclosure.support.observability;

import cn.gov.disclosure.contracts.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * At start, the consumed / dead-lettered / retried counters of every topic this service consumes
 * ({@code mp.messaging.incoming.*.topic}) are registered at 0: an alert on {@code increase(…)} and a dashboard panel
 * have their series from the first scrape, not only after the first dead letter; so are the relay's publish failures.
 */
@ApplicationScoped
public class EventSeries {

    void registerAtZero(@Observes StartupEvent start, Config config) {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        for (String topic : topics) {
            EventMetrics.counter(EventMetrics.CONSUMED, "topic", topic);
            EventMetrics.counter(EventMetrics.DEAD_LETTERED, "topic", topic);
            EventMetrics.counter(EventMetrics.RETRIED, "topic", topic);
        }
        // the relay's failures, for every topic of the contracts (a service that never sends to one keeps 0)
        for (String topic : Topics.ALL) {
            EventMetrics.counter(EventMetrics.PUBLISH_FAILED, "topic", topic);
        }
    }
}
