package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.infra.mail.TestSmtp;
import cn.gov.disclosure.review.reminders.MailRelay;
import cn.gov.disclosure.review.reminders.ReminderJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders by e-mail, read from a real SMTP server (GreenMail, infra's {@link TestSmtp}) the service sends to with
 * quarkus-mailer: a return, the deadline coming, reports waiting too long; and none sent twice for one reason however
 * often the job runs again (as it does after a restart or on another replica: the reason is stored once).
 */
@QuarkusTest
@QuarkusTestResource(value = TestSmtp.class, restrictToAnnotatedClass = false)
class ReminderTest {

    @Inject
    ReminderJob job;

    @Inject
    MailRelay relay;

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static List<TestSmtp.Received> to(String address) {
        return TestSmtp.received().stream()
                .filter(m -> m.to().contains(address))
                .toList();
    }

    @Test
    void aReturnedTownshipIsToldByMailOnce() {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        String id = open(CHIDIAN, year, 1);
        claim(auth, id);
        act(auth, id, "return", returnBody("表三第一行合计有误，请核对后重新报送")).statusCode(200);
        relay.sendDue();
        relay.sendDue();

        List<TestSmtp.Received> mails = to("gongkai@chidian.example.gov.cn").stream()
                .filter(m -> m.subject().contains(year + "年度"))
                .toList();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("【请修改后重新报送】" + year + "年度政府信息公开工作年度报告已被退回");
            assertThat(m.body())
                    .contains("晋江市池店镇人民政府")
                    .contains("审核意见：表三第一行合计有误，请核对后重新报送")
                    .contains("晋江市")
                    .contains("第 1 版");
            assertThat(m.from()).contains("noreply@annual-report.example.gov.cn");
        });
    }

    @Test
    void townshipsThatHaveNotSubmittedAreRemindedBeforeTheDeadlineOncePerStep() {
        // 2900's deadline is 31 January 2901 (no other test uses the year); ten days before it, only the townships
        // without a report get a reminder
        int year = 2900;
        open(ZIMAO, year, 1);
        clock.set(OffsetDateTime.parse((year + 1) + "-01-21T09:00:00+08:00").toInstant());
        assertThat(job.remind()).isGreaterThan(0);
        assertThat(job.remind())
                .as("the same reasons found again store nothing")
                .isZero();
        relay.sendDue();

        String subject = "【报送提醒】" + year + "年度政府信息公开工作年度报告须于" + (year + 1) + "年1月31日前公开（还剩 10 天）";
        assertThat(to("gongkai@anhai.example.gov.cn"))
                .filteredOn(m -> m.subject().equals(subject))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).contains("晋江市安海镇人民政府").contains("还剩 10 天"));
        assertThat(to("gongkai@zimao.example.gov.cn"))
                .as("紫帽镇 has submitted")
                .noneMatch(m -> m.subject().startsWith("【报送提醒】" + year));

        // a day later the same step: no new reminder of the deadline; at the 7-day step a second one, once
        clock.set(OffsetDateTime.parse((year + 1) + "-01-22T09:00:00+08:00").toInstant());
        job.remind();
        relay.sendDue();
        assertThat(to("gongkai@anhai.example.gov.cn"))
                .filteredOn(m -> m.subject().startsWith("【报送提醒】" + year))
                .hasSize(1);
        clock.set(OffsetDateTime.parse((year + 1) + "-01-24T09:00:00+08:00").toInstant());
        assertThat(job.remind()).isGreaterThan(0);
        relay.sendDue();
        relay.sendDue();
        assertThat(to("gongkai@anhai.example.gov.cn"))
                .filteredOn(m -> m.subject().startsWith("【报送提醒】" + year))
                .hasSize(2);
    }

    @Test
    void aCountyIsRemindedOfReportsWaitingTooLongOnceADay() {
        int year = newYear();
        open(JINJING, year, 1);
        clock.set(OffsetDateTime.now().plus(Duration.ofDays(4)).toInstant());
        job.remind();
        job.remind();
        relay.sendDue();

        List<TestSmtp.Received> mails = to("gongkai@jinjiang.example.gov.cn").stream()
                .filter(m -> m.subject().startsWith("【待审核提醒】"))
                .filter(m -> m.body().contains(year + "年度报告"))
                .toList();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("晋江市").contains("超过 3 天");
            assertThat(m.body()).contains(JINJING).contains("已等待 4 天");
        });
    }
}
