package cn.gov.disclosure.intake.events;

import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.intake.store.Versions;
import cn.gov.disclosure.intake.submission.VersionState;
import cn.gov.disclosure.support.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the township's view of each version current from what the other services announce. Each event is handled
 * once (inbox), and a state only moves forward, so redelivered or late events change nothing.
 */
@ApplicationScoped
public class StatusEvents {

    private static final Logger LOG = Logger.getLogger(StatusEvents.class);

    private final Versions repository;
    private final Inbox inbox;

    public StatusEvents(Versions repository, Inbox inbox) {
        this.repository = repository;
        this.inbox = inbox;
    }

    @Incoming("report-validated")
    @Blocking
    public void onValidated(ConsumerRecords<String, String> records) {
        inbox.handle(
                records,
                ReportValidated.class,
                v -> advance(
                        v.reportId(),
                        v.version(),
                        v.passed() ? VersionState.AWAITING_REVIEW : VersionState.VALIDATION_FAILED,
                        v,
                        null,
                        null));
    }

    @Incoming("review-decided")
    @Blocking
    public void onDecided(ConsumerRecords<String, String> records) {
        inbox.handle(
                records,
                ReviewDecided.class,
                d -> advance(
                        d.reportId(),
                        d.version(),
                        d.decision() == ReviewDecided.Decision.APPROVED ? VersionState.APPROVED : VersionState.RETURNED,
                        null,
                        d.comment(),
                        null));
    }

    @Incoming("report-published")
    @Blocking
    public void onPublished(ConsumerRecords<String, String> records) {
        inbox.handle(
                records,
                ReportPublished.class,
                p -> advance(p.reportId(), p.version(), VersionState.PUBLISHED, null, null, p.publicUrl()));
    }

    private void advance(
            String reportId,
            int version,
            VersionState next,
            ReportValidated validated,
            String comment,
            String publicUrl) {
        // locked: the validated, decided and published channels run concurrently (after a restart their backlogs
        // are consumed at once); without the lock a decision read before the publication committed would put
        // PUBLISHED back to APPROVED (found by the failure drill)
        var current = repository.findForUpdate(reportId, version);
        if (current.isEmpty()) {
            LOG.warnf("Event for unknown report %s version %d ignored", reportId, version);
            return;
        }
        if (!current.get().state().mayAdvanceTo(next)) {
            LOG.debugf(
                    "Report %s v%d stays %s (event says %s)",
                    reportId, version, current.get().state(), next);
            return;
        }
        repository.updateState(
                reportId, version, next, validated == null ? null : validated.findings(), comment, publicUrl);
    }
}
