package cn.gov.disclosure.support.observability;

import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Counts, for every incoming Kafka channel of the service (a default interceptor applies to all channels), the
 * records the channel's failure strategy dead-letters: a poll whose handling failed even record by record (the inbox
 * counts what it consumes and what it parks itself; see {@link cn.gov.disclosure.support.inbox.Inbox}).
 */
@ApplicationScoped
public class DeadLetteredRecordsInterceptor implements IncomingInterceptor {

    private static final Logger LOG = Logger.getLogger(DeadLetteredRecordsInterceptor.class);

    @Override
    public void onMessageAck(Message<?> message) {}

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        String reason = failure == null ? "?" : failure.getMessage();
        var batch = message.getMetadata(IncomingKafkaRecordBatchMetadata.class);
        if (batch.isPresent()) {
            for (Object o : batch.get().getRecords()) {
                ConsumerRecord<?, ?> r = (ConsumerRecord<?, ?>) o;
                nacked(r.topic(), r.key(), reason);
            }
            return;
        }
        var record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        nacked(
                record.map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown"),
                record.map(IncomingKafkaRecordMetadata::getKey).orElse(null),
                reason);
    }

    private static void nacked(String topic, Object key, String reason) {
        EventMetrics.counter(EventMetrics.DEAD_LETTERED, "topic", topic).increment();
        LOG.warnf("Record of %s (key %s) not handled, dead-lettered to %s.dlq: %s", topic, key, topic, reason);
    }
}
