package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.publication.store.Publications;
import cn.gov.disclosure.support.inbox.Inbox;
import cn.gov.disclosure.support.observability.TraceParents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes review decided: an APPROVED version is recorded PUBLISHING (once: the inbox drops a redelivered event,
 * the primary key (report_id, version) a decision sent again under a new id), and the attempt starts after the
 * commit. RETURNED decisions are not for publication. A record that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class PublicationFlow {

    private static final Logger LOG = Logger.getLogger(PublicationFlow.class);

    private final Inbox inbox;
    private final Publications store;
    private final Event<PublicationRequested> requested;

    public PublicationFlow(Inbox inbox, Publications store, Event<PublicationRequested> requested) {
        this.inbox = inbox;
        this.store = store;
        this.requested = requested;
    }

    @Incoming("review-decided")
    @Blocking
    public void onDecided(ConsumerRecords<String, String> records) {
        inbox.handle(records, ReviewDecided.class, this::decided);
    }

    private void decided(EventEnvelope<ReviewDecided> event, ConsumerRecord<String, String> record) {
        ReviewDecided d = event.data();
        if (d.decision() != ReviewDecided.Decision.APPROVED) {
            return;
        }
        if (d.report() == null) {
            throw new EventCodec.MalformedEventException(
                    "an approved decision without the report: nothing to publish", null);
        }
        if (store.insertPublishing(d, record.value(), event.id(), TraceParents.of(record))) {
            LOG.infof("%s v%d approved: publishing", d.reportId(), d.version());
            requested.fire(new PublicationRequested(d.reportId(), d.version()));
        } else {
            LOG.infof("%s v%d is known already; the decision changes nothing", d.reportId(), d.version());
        }
    }
}
