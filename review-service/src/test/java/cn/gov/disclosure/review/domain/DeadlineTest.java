package cn.gov.disclosure.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.review.cases.ETag;
import cn.gov.disclosure.review.domain.Deadline.Timeliness;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The deadline (31 January of the next year, Beijing time), case ids and entity tags, without Quarkus. */
class DeadlineTest {

    private static Instant at(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    @Test
    void reportsForAYearAreDueByTheEndOf31JanuaryBeijingTime() {
        assertThat(Deadline.dueDate(2021)).isEqualTo(LocalDate.of(2022, 1, 31));
        assertThat(Deadline.lateFrom(2021)).isEqualTo(OffsetDateTime.parse("2022-02-01T00:00:00+08:00"));
    }

    @Test
    void completedBeforeMidnightInBeijingIsOnTimeAfterIsLate() {
        Instant now = at("2022-03-01T00:00:00+08:00");
        assertThat(Deadline.classify(2021, at("2022-01-31T23:59:59+08:00"), now))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(Deadline.classify(2021, at("2022-01-31T15:59:59Z"), now)).isEqualTo(Timeliness.ON_TIME);
        assertThat(Deadline.classify(2021, at("2022-02-01T00:00:00+08:00"), now))
                .isEqualTo(Timeliness.LATE);
        // 16:30 UTC on 31 January is already 1 February in Beijing
        assertThat(Deadline.classify(2021, at("2022-01-31T16:30:00Z"), now)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void notCompletedIsPendingUntilTheDeadlineAndMissingAfter() {
        assertThat(Deadline.classify(2021, null, at("2022-01-31T23:00:00+08:00")))
                .isEqualTo(Timeliness.PENDING);
        assertThat(Deadline.classify(2021, null, at("2022-02-01T00:00:00+08:00")))
                .isEqualTo(Timeliness.MISSING);
        assertThat(Deadline.passed(2021, at("2022-01-31T23:00:00+08:00"))).isFalse();
        assertThat(Deadline.passed(2021, at("2022-02-01T00:00:00+08:00"))).isTrue();
        // a report completed early stays on time however late one looks
        assertThat(Deadline.classify(2021, at("2022-01-10T10:00:00+08:00"), at("2030-01-01T00:00:00Z")))
                .isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void caseIdsAreTheReportIdAndTheVersion() {
        assertThat(CaseIds.of("350582107-2021", 2)).isEqualTo("350582107-2021-v2");
        assertThat(CaseIds.parse("350582107-2021-v2")).contains(new CaseIds.Parsed("350582107-2021", 2));
        assertThat(CaseIds.parse("350582107-2021")).isEmpty();
        assertThat(CaseIds.parse("350582107-2021-v0")).isEmpty();
    }

    @Test
    void anIfMatchNamesTheRowVersionStrongWeakOrBare() {
        assertThat(ETag.of(7)).isEqualTo("\"7\"");
        assertThat(ETag.expected("\"7\"").matches(7)).isTrue();
        assertThat(ETag.expected("W/\"7\"").matches(7)).isTrue();
        assertThat(ETag.expected("7").matches(7)).isTrue();
        assertThat(ETag.expected("\"6\", \"7\"").matches(7)).isTrue();
        assertThat(ETag.expected("\"6\"").matches(7)).isFalse();
        assertThat(ETag.expected("*").matches(7)).isFalse();
        assertThat(ETag.expected("\"abc\"").matches(7)).isFalse();
        assertThat(ETag.expected("*").named()).as("* names no version").isFalse();
        assertThat(ETag.expected("\"abc\"").named())
                .as("an unreadable tag is named, and stale")
                .isTrue();
        assertThat(ETag.expected("  ").named()).isFalse();
        assertThat(ETag.noneMatchHits("W/\"7\"", "\"7\"")).isTrue();
        assertThat(ETag.noneMatchHits("\"8\"", "\"7\"")).isFalse();
    }
}
