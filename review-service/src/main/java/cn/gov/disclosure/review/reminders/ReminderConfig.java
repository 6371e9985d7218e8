package cn.gov.disclosure.review.reminders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** When reminders go out ({@code reminders.*}). */
@ConfigMapping(prefix = "reminders")
public interface ReminderConfig {

    /** Whether reminders are looked for and sent at all. */
    @WithDefault("true")
    boolean enabled();

    /** How many days before the deadline the townships that have not submitted get a reminder, each step once. */
    @WithDefault("14,7,1")
    List<Integer> deadlineDays();

    /** How long a report may wait for review before the county's office gets a reminder (once a day). */
    @WithDefault("P3D")
    Duration waitingAfter();

    /** How often the job looks for due reminders ({@code @Scheduled(every)} of {@link ReminderJob}). */
    @WithDefault("10m")
    String interval();

    /** How often the mail relay sends what is due ({@link MailRelay}). */
    @WithDefault("5s")
    String relayInterval();

    /** How long after start the job and the relay first run. */
    @WithDefault("1m")
    String delay();

    /** How many times the relay tries to send a mail before it leaves it for an operator (last_error says why). */
    @WithDefault("20")
    int maxAttempts();
}
