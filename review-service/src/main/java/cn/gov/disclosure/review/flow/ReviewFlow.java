package cn.gov.disclosure.review.flow;

import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.review.cases.ReviewService;
import cn.gov.disclosure.support.inbox.Inbox;
import cn.gov.disclosure.support.observability.TraceParents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What review consumes: <em>report validated</em> opens a case per version (passed: awaiting review; failed:
 * recorded so the county sees who is stuck); <em>report published</em> gives the publication time for the deadlines
 * view. Each event is handled once (inbox, and a unique case per report version); a record that cannot be read goes
 * to the topic's dead-letter topic (failure strategy) and consumption goes on.
 */
@ApplicationScoped
public class ReviewFlow {

    private final ReviewService service;
    private final Inbox inbox;

    public ReviewFlow(ReviewService service, Inbox inbox) {
        this.service = service;
        this.inbox = inbox;
    }

    @Incoming("report-validated")
    @Blocking
    public void onValidated(ConsumerRecords<String, String> records) {
        inbox.handle(
                records,
                ReportValidated.class,
                (validated, record) -> service.receive(validated.data(), TraceParents.of(record)));
    }

    @Incoming("report-withdrawn")
    @Blocking
    public void onWithdrawn(ConsumerRecords<String, String> records) {
        inbox.handle(records, ReportWithdrawn.class, service::withdrawn);
    }

    @Incoming("history-imported")
    @Blocking
    public void onHistory(ConsumerRecords<String, String> records) {
        inbox.handle(records, HistoryImported.class, service::history);
    }

    @Incoming("report-published")
    @Blocking
    public void onPublished(ConsumerRecords<String, String> records) {
        inbox.handle(records, ReportPublished.class, service::published);
    }
}
