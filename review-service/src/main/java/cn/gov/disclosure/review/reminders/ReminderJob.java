package cn.gov.disclosure.review.reminders;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Organisation;
import cn.gov.disclosure.review.domain.Deadline;
import cn.gov.disclosure.review.store.Cases;
import cn.gov.disclosure.review.store.MailOutbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Looks for the reminders that are due (deadline coming, reports waiting for review) every
 * {@code reminders.interval} and stores each in the mail outbox once per reason; {@link MailRelay} sends them. The
 * reminder of a return is stored by the return itself (ReviewService), in the decision's transaction.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final Cases cases;
    private final MailOutbox outbox;
    private final OrganisationRegistry registry;
    private final ReminderConfig config;
    private final Clock clock;

    public ReminderJob(
            Cases cases, MailOutbox outbox, OrganisationRegistry registry, ReminderConfig config, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${reminders.interval:10m}",
            delayed = "${reminders.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            remind();
        }
    }

    /** Stores the reminders due now; returns how many were new (a reason found before stores nothing). */
    @Transactional
    public int remind() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Deadline.BEIJING);
        int year = Deadline.yearBeingFiled(today);
        List<Reminders.Mail> due = new ArrayList<>();
        Set<String> submitted = new HashSet<>(cases.submittedOrganisations(year));
        List<Organisation> notSubmitted = registry.all().stream()
                .filter(o -> o.level() == OrganisationRegistry.Level.TOWNSHIP)
                .filter(o -> !submitted.contains(o.code()))
                .toList();
        due.addAll(Reminders.deadline(year, today, config.deadlineDays(), notSubmitted));
        List<Organisation> counties = registry.all().stream()
                .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                .toList();
        due.addAll(Reminders.waiting(
                today,
                config.waitingAfter(),
                OffsetDateTime.ofInstant(now, Deadline.BEIJING),
                cases.awaitingReview(),
                counties));
        int added = 0;
        for (Reminders.Mail m : due) {
            if (outbox.add(m)) {
                added++;
            }
        }
        if (added > 0) {
            LOG.infof("%d reminders to send (%d due, the others sent before)", added, due.size());
        }
        return added;
    }
}
