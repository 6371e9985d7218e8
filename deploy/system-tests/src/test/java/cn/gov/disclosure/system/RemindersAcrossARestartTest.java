package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A reminder is sent once per reason, across a restart of the review service: the county office of 晋江市 gets its
 * 待审核提醒 for today once, the review service is stopped and started again, its reminder job runs again and finds
 * the same reason, and no second mail arrives (the mail outbox in review's database keeps the reason; the shared
 * platform's review looks for reminders every 2 s, a report waiting for 3 s counts).
 */
@Order(3)
class RemindersAcrossARestartTest {

    private static final String COUNTY_MAILBOX = "gongkai@jinjiang.example.gov.cn";
    private static final String JINJING = "350582105";

    @Test
    void aReminderSentBeforeARestartIsNotSentAgainAfterIt() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        PlatformClient client = new PlatformClient(platform);
        // seed 000's document as 金井镇's (a 晋江市 township no other test of the shared platform reports for; the
        // end-to-end test approves 紫帽镇's own), so that it waits for review
        String text = Seeds.load(platform.repoDir()).get(0).text().replace("紫帽镇", "金井镇");
        Http.Answer submitted = client.importText(JINJING, text, "reminders-restart");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

        awaitWaitingReminders(1, Duration.ofSeconds(90));

        platform.service("review").stop();
        platform.service("review").start();
        // the restarted job runs every 2 s after a 2 s delay, the mail relay every second: give it several rounds
        Thread.sleep(12_000);

        assertThat(waitingReminders())
                .as("the reminder of today's reason after the restart")
                .hasSize(1);
    }

    private static void awaitWaitingReminders(int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (waitingReminders().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no 待审核提醒 to " + COUNTY_MAILBOX + " within " + within + "; mails: "
                        + SharedPlatform.MAIL.getReceivedMessages().length);
            }
            Thread.sleep(500);
        }
    }

    /** The 待审核提醒 mails the county office received. */
    private static List<MimeMessage> waitingReminders() {
        return Arrays.stream(SharedPlatform.MAIL.getReceivedMessages())
                .filter(m -> to(m).contains(COUNTY_MAILBOX) && subject(m).startsWith("【待审核提醒】"))
                .toList();
    }

    private static List<String> to(MimeMessage m) {
        try {
            Address[] all = m.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
