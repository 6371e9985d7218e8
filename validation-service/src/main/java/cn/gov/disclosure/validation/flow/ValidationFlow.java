package cn.gov.disclosure.validation.flow;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.support.inbox.Inbox;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.outbox.Outbox;
import cn.gov.disclosure.validation.rules.ReportValidator;
import cn.gov.disclosure.validation.store.ApprovedReports;
import cn.gov.disclosure.validation.store.ValidationResults;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Validates each submitted version once: stores the result and announces it through the outbox, in one transaction.
 * Keeps approved reports from the review decisions for next year's cross-year checks. A record that cannot be read
 * goes to the dead-letter topic (failure strategy) and consumption goes on.
 */
@ApplicationScoped
public class ValidationFlow {

    private static final Logger LOG = Logger.getLogger(ValidationFlow.class);

    private final ReportValidator validator = ReportValidator.standard();
    private final Contexts contexts;
    private final ValidationResults results;
    private final ApprovedReports approved;
    private final Inbox inbox;
    private final Outbox outbox;

    public ValidationFlow(
            Contexts contexts, ValidationResults results, ApprovedReports approved, Inbox inbox, Outbox outbox) {
        this.contexts = contexts;
        this.results = results;
        this.approved = approved;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Incoming("report-submitted")
    @Blocking
    public void onSubmitted(ConsumerRecords<String, String> records) {
        inbox.handle(records, ReportSubmitted.class, this::validate);
    }

    @Incoming("review-decided")
    @Blocking
    public void onDecided(ConsumerRecords<String, String> records) {
        inbox.handle(records, ReviewDecided.class, this::keepApproved);
    }

    @Incoming("history-imported")
    @Blocking
    public void onHistory(ConsumerRecords<String, String> records) {
        inbox.handle(records, HistoryImported.class, this::keepHistory);
    }

    private void validate(ReportSubmitted s) {
        List<Finding> findings = validator.validate(
                s.report(), contexts.forSubmission(s.organisationCode(), s.organisationName(), s.year()));
        boolean passed = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (!results.record(s.reportId(), s.version(), s.organisationCode(), s.year(), passed, findings, now)) {
            LOG.infof("Report %s v%d was validated before; no second result", s.reportId(), s.version());
            return;
        }
        EventMetrics.validated(passed, findings);
        outbox.enqueue(new ReportValidated(
                s.reportId(),
                s.version(),
                s.organisationCode(),
                s.organisationName(),
                s.countyCode(),
                s.year(),
                s.submittedAt(),
                passed,
                findings,
                now,
                s.report(),
                s.importNotes(),
                s.provenance()));
        LOG.infof(
                "Report %s v%d validated: %s, %d findings",
                s.reportId(), s.version(), passed ? "passed" : "failed", findings.size());
    }

    private void keepHistory(HistoryImported h) {
        if (h.report() == null || h.organisationCode() == null) {
            throw new EventCodec.MalformedEventException("history imported without its report or organisation", null);
        }
        approved.keepHistory(h.organisationCode(), h.year(), h.reportId(), h.report(), h.importedAt());
        LOG.infof("%s's report of %d kept from history (%s)", h.organisationCode(), h.year(), h.sourceName());
    }

    private void keepApproved(ReviewDecided d) {
        if (d.decision() == ReviewDecided.Decision.APPROVED && d.report() != null) {
            approved.keep(d.organisationCode(), d.year(), d.reportId(), d.version(), d.report(), d.decidedAt());
        }
    }
}
