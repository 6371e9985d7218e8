package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.publication.store.Publications;
import cn.gov.disclosure.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** The one transaction that records PUBLISHED and enqueues report published (the outbox relays it to Kafka). */
@ApplicationScoped
public class PublicationOutcomes {

    private final Publications store;
    private final Outbox outbox;

    public PublicationOutcomes(Publications store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** False when the claim was lost meanwhile (another worker took over an expired lease): nothing is recorded. */
    @Transactional
    public boolean published(
            Publications.Claim claim, String publicUrl, String versionUrl, String archiveId, OffsetDateTime at) {
        if (!store.markPublished(claim, publicUrl, versionUrl, archiveId, at)) {
            return false;
        }
        PublicationRecord r = claim.record();
        outbox.enqueue(new ReportPublished(
                r.reportId(),
                r.version(),
                r.organisationCode(),
                r.year(),
                publicUrl,
                archiveId,
                at)); // in the submission's trace: Publisher made it current
        return true;
    }
}
