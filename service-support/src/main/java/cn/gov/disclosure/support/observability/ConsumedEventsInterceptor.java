package cn.gov.disclosure.support.observability;

import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Counts, for every incoming Kafka channel of the service (a default interceptor applies to all channels), the
 * events consumed (acknowledged) and the records dead-lettered (nacked: the failure strategy sends them to
 * {@code <topic>.dlq}), per topic.
 */
@ApplicationScoped
public class ConsumedEventsInterceptor implements IncomingInterceptor {

    private static final Logger LOG = Logger.getLogger(ConsumedEventsInterceptor.class);

    @Override
    public void onMessageAck(Message<?> message) {
        EventMetrics.counter(EventMetrics.CONSUMED, "topic", topic(message)).increment();
        MDC.remove(EventMetrics.MDC_REPORT_ID);
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        String topic = topic(message);
        EventMetrics.counter(EventMetrics.DEAD_LETTERED, "topic", topic).increment();
        LOG.warnf(
                "Record of %s (key %s) not handled, dead-lettered to %s.dlq: %s",
                topic, key(message), topic, failure == null ? "?" : failure.getMessage());
        MDC.remove(EventMetrics.MDC_REPORT_ID);
    }

    private static String topic(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
    }

    private static Object key(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey)
                .orElse(null);
    }
}
