package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.publication.store.Publication;
import cn.gov.disclosure.publication.store.Publications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs publication attempts on worker threads, never on the Kafka consumer's: after the decision's transaction
 * committed, on an operator's retry, and from the recovery job, which picks up every PUBLISHING version no worker
 * holds (a crash in the middle of a portal call leaves its lease to expire).
 */
@ApplicationScoped
public class PublicationTrigger {

    private static final Logger LOG = Logger.getLogger(PublicationTrigger.class);

    private final Publisher publisher;
    private final Publications store;
    private final ExecutorService workers;
    private final Set<Publication.Key> queued = ConcurrentHashMap.newKeySet();

    public PublicationTrigger(
            Publisher publisher,
            Publications store,
            @ConfigProperty(name = "publication.workers", defaultValue = "4") int workers) {
        this.publisher = publisher;
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "publication-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationRequested requested) {
        submit(requested.reportId(), requested.version());
    }

    /** Queues one attempt (at most one queued per version). */
    public void submit(String reportId, int version) {
        Publication.Key key = new Publication.Key(reportId, version);
        if (!queued.add(key)) {
            return;
        }
        try {
            workers.submit(() -> {
                try {
                    publisher.publish(reportId, version);
                } catch (Throwable t) {
                    LOG.errorf(
                            t,
                            "Publication attempt for %s v%d failed unexpectedly; the recovery job retries it",
                            reportId,
                            version);
                } finally {
                    queued.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(key);
        }
    }

    @Scheduled(
            every = "${publication.recovery.interval:30s}",
            delayed = "${publication.recovery.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recover() {
        try {
            for (Publication.Key k : store.due(100)) {
                submit(k.reportId(), k.version());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Publication recovery: %s", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }
}
