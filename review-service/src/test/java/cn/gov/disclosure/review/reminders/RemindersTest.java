package cn.gov.disclosure.review.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Level;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Organisation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersTest {

    private static final Organisation ZIMAO = new Organisation(
            "350582107", "紫帽镇", "晋江市紫帽镇人民政府", Level.TOWNSHIP, "350582", "gongkai@zimao.example.gov.cn");
    private static final Organisation NO_MAILBOX =
            new Organisation("350582101", "安海镇", "晋江市安海镇人民政府", Level.TOWNSHIP, "350582");

    @Test
    void eachStepBeforeTheDeadlineHasItsOwnReasonAndNoneAfterIt() {
        List<Integer> steps = List.of(14, 7, 1);
        assertThat(Reminders.deadline(2026, LocalDate.of(2027, 1, 10), steps, List.of(ZIMAO)))
                .as("21 days left: before the first step")
                .isEmpty();
        List<Reminders.Mail> at14 = Reminders.deadline(2026, LocalDate.of(2027, 1, 17), steps, List.of(ZIMAO));
        List<Reminders.Mail> at10 = Reminders.deadline(2026, LocalDate.of(2027, 1, 21), steps, List.of(ZIMAO));
        List<Reminders.Mail> at7 = Reminders.deadline(2026, LocalDate.of(2027, 1, 24), steps, List.of(ZIMAO));
        List<Reminders.Mail> lastDay = Reminders.deadline(2026, LocalDate.of(2027, 1, 31), steps, List.of(ZIMAO));
        assertThat(at14.get(0).reasonKey()).isEqualTo("deadline:2026:14:350582107");
        assertThat(at10.get(0).reasonKey())
                .as("the same step: the same reason")
                .isEqualTo(at14.get(0).reasonKey());
        assertThat(at7.get(0).reasonKey()).isEqualTo("deadline:2026:7:350582107");
        assertThat(lastDay.get(0).reasonKey()).isEqualTo("deadline:2026:1:350582107");
        assertThat(lastDay.get(0).subject()).contains("还剩 0 天").contains("2027年1月31日");
        assertThat(at10.get(0).to()).containsExactly("gongkai@zimao.example.gov.cn");
        assertThat(at10.get(0).body())
                .startsWith("晋江市紫帽镇人民政府：")
                .contains("还剩 10 天")
                .contains("第五十条");
        assertThat(Reminders.deadline(2026, LocalDate.of(2027, 2, 1), steps, List.of(ZIMAO)))
                .as("past the deadline the completeness view says the rest")
                .isEmpty();
        assertThat(Reminders.deadline(2026, LocalDate.of(2027, 1, 21), steps, List.of(NO_MAILBOX)))
                .as("no mailbox in the registry: no mail")
                .isEmpty();
    }
}
