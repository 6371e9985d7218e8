package cn.gov.disclosure.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The publication deadline of a reporting year and whether a township met it (plain Java).
 *
 * <p>Organs publish their report for year Y by 31 January of Y+1 (政府信息公开条例 第五十条), Beijing time: a report is
 * on time when it was <em>completed</em> before 1 February Y+1 00:00 (UTC+8). Completed means published when the
 * publication service announced it (<em>report published</em>), else approved by the county: the county's approval
 * is the last step this service sees for sure, and a report approved but not (yet) known to be published counts by
 * its approval time.
 */
public final class Deadline {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Whether a township met the deadline of a year. */
    public enum Timeliness {
        /** Completed before the deadline. */
        ON_TIME("按时完成"),
        /** Completed, after the deadline. */
        LATE("逾期完成"),
        /** Not completed and the deadline has passed. */
        MISSING("逾期未报"),
        /** Not completed yet, the deadline has not passed (only before 1 February). */
        PENDING("尚未到期");

        private final String labelZh;

        Timeliness(String labelZh) {
            this.labelZh = labelZh;
        }

        /** As the pages and the exports say it. */
        public String labelZh() {
            return labelZh;
        }
    }

    private Deadline() {}

    /** The last day to publish the report for {@code year}: 31 January of the following year. */
    /**
     * The reporting year being filed on a day (the pages' rule, {@code /common/js/calendar.js}): in December the year
     * itself, from January to November the year before.
     */
    public static int yearBeingFiled(LocalDate day) {
        return day.getMonthValue() == 12 ? day.getYear() : day.getYear() - 1;
    }

    public static LocalDate dueDate(int year) {
        return LocalDate.of(year + 1, 1, 31);
    }

    /** The first instant that is late: 1 February {@code year + 1}, 00:00 Beijing time. */
    public static OffsetDateTime lateFrom(int year) {
        return dueDate(year).plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime();
    }

    /**
     * @param completedAt when the report was published (or, failing that, approved); null when neither happened
     * @param now         the current time
     */
    public static Timeliness classify(int year, Instant completedAt, Instant now) {
        Instant late = lateFrom(year).toInstant();
        if (completedAt != null) {
            return completedAt.isBefore(late) ? Timeliness.ON_TIME : Timeliness.LATE;
        }
        return now.isBefore(late) ? Timeliness.PENDING : Timeliness.MISSING;
    }

    public static boolean passed(int year, Instant now) {
        return !now.isBefore(lateFrom(year).toInstant());
    }
}
