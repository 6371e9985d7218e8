package cn.gov.disclosure.review.reminders;

import cn.gov.disclosure.review.store.MailOutbox;
import cn.gov.disclosure.review.store.OutgoingMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Sends the mail outbox over SMTP ({@code quarkus-mailer}, {@code quarkus.mailer.*}) every
 * {@code reminders.relay-interval}: each mail claimed with {@code SKIP LOCKED} (two replicas never send the same one),
 * marked sent in the same transaction. A mail the server refused is tried again at the next run, up to
 * {@code reminders.max-attempts}. If the service dies between the SMTP answer and the commit, that mail is sent again
 * (at least once, like the event relay); nothing else is ever sent twice for one reason.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final ReminderConfig config;
    private final Clock clock;

    public MailRelay(MailOutbox outbox, Mailer mailer, ReminderConfig config, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${reminders.relay-interval:5s}",
            delayed = "${reminders.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            sendDue();
        }
    }

    /** Sends what is due; returns how many were sent. */
    @Transactional
    public int sendDue() {
        int sent = 0;
        for (OutgoingMail m : outbox.claimUnsent(20, config.maxAttempts())) {
            try {
                mailer.send(Mail.withText(null, m.subject, m.body).setTo(Arrays.asList(m.recipients.split(","))));
                m.sentAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                sent++;
            } catch (RuntimeException e) {
                m.attempts++;
                m.lastError = e.getMessage();
                LOG.warnf("Reminder %s not sent (attempt %d): %s", m.reasonKey, m.attempts, e.getMessage());
            }
        }
        return sent;
    }
}
