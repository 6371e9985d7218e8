package cn.gov.disclosure.review.reminders;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Organisation;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.domain.Deadline;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which reminders are due, and their Chinese text: plain functions of what the caller found (no clock, no database).
 * Each mail has a reason key that names why it is sent; the outbox stores a reason once, so a reason found again (by
 * the next run, after a restart, by another replica) sends nothing more.
 *
 * <ul>
 *   <li>{@link #returned}: a township whose report the county returned — once per returned case;
 *   <li>{@link #deadline}: townships that have not submitted, when the deadline is {@code daysBefore} days away or
 *       fewer — once per township, year and step (with steps 14, 7, 1: up to three reminders);
 *   <li>{@link #waiting}: a county's office, when reports have waited for review longer than allowed — once per
 *       county and day, listing every such report.
 * </ul>
 */
public final class Reminders {

    /** A mail to send: why (the unique reason), to whom, and what. */
    public record Mail(String reasonKey, List<String> to, String subject, String body) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Deadline.BEIJING);
    static final String SIGNATURE = "\n\n政府信息公开工作年度报告平台（系统自动发送，请勿直接回复）";

    private Reminders() {}

    /** To the township, after the county returned its report. Empty when the registry has no mailbox for it. */
    public static Optional<Mail> returned(Organisation township, ReviewCase c, String comment, String countyName) {
        if (township == null || township.email() == null) {
            return Optional.empty();
        }
        String subject = "【请修改后重新报送】" + c.year() + "年度政府信息公开工作年度报告已被退回";
        String body = township.officialName() + "：\n\n贵单位报送的" + c.year() + "年度政府信息公开工作年度报告（第 " + c.version()
                + " 版）经" + (countyName == null ? "县级" : countyName) + "审核，已退回修改。\n\n审核意见：" + comment
                + "\n\n请登录乡镇工作台，在此版本上修改后重新报送。报告须于 " + DAY.format(Deadline.dueDate(c.year()))
                + "前公开。" + SIGNATURE;
        return Optional.of(new Mail("returned:" + c.id(), List.of(township.email()), subject, body));
    }

    /**
     * To each township that has not submitted the year's report, when the deadline is at most one of {@code steps}
     * days away: the smallest step not below the days left names the reminder, so each step sends once.
     */
    public static List<Mail> deadline(int year, LocalDate today, List<Integer> steps, List<Organisation> notSubmitted) {
        LocalDate due = Deadline.dueDate(year);
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        if (daysLeft < 0) {
            return List.of();
        }
        Optional<Integer> step = steps.stream().filter(s -> s >= daysLeft).min(Integer::compare);
        if (step.isEmpty()) {
            return List.of();
        }
        List<Mail> out = new ArrayList<>();
        for (Organisation t : notSubmitted) {
            if (t.email() == null) {
                continue;
            }
            String subject = "【报送提醒】" + year + "年度政府信息公开工作年度报告须于" + DAY.format(due) + "前公开（还剩 " + daysLeft + " 天）";
            String body = t.officialName() + "：\n\n截至" + DAY.format(today) + "，平台尚未收到贵单位" + year
                    + "年度政府信息公开工作年度报告（或报送的版本未通过校验）。根据《中华人民共和国政府信息公开条例》第五十条，年度报告须于每年1月31日前向社会公布，"
                    + "今年的截止日期为" + DAY.format(due) + "，还剩 " + daysLeft
                    + " 天。\n\n请登录乡镇工作台上传或填写报告并提交；提交后系统会立即校验，县级审核通过后自动在政府门户网站公开。"
                    + SIGNATURE;
            out.add(new Mail(
                    "deadline:" + year + ":" + step.get() + ":" + t.code(), List.of(t.email()), subject, body));
        }
        return out;
    }

    /**
     * To a county's office, the reports that have waited for review longer than {@code limit} (AWAITING_REVIEW since
     * their case opened): one mail per county and day.
     */
    public static List<Mail> waiting(
            LocalDate today,
            Duration limit,
            OffsetDateTime now,
            List<ReviewCase> waiting,
            List<Organisation> counties) {
        List<Mail> out = new ArrayList<>();
        for (Organisation county : counties) {
            if (county.email() == null) {
                continue;
            }
            List<ReviewCase> mine = waiting.stream()
                    .filter(c -> county.code().equals(c.countyCode()))
                    .filter(c -> c.createdAt().plus(limit).isBefore(now))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            StringBuilder list = new StringBuilder();
            TreeSet<Integer> years = new TreeSet<>();
            for (ReviewCase c : mine) {
                years.add(c.year());
                long days = Duration.between(c.createdAt(), now).toDays();
                list.append("\n- ")
                        .append(c.organisationName())
                        .append(" ")
                        .append(c.year())
                        .append("年度报告第 ")
                        .append(c.version())
                        .append(" 版，")
                        .append(TIME.format(c.createdAt()))
                        .append("进入待审核，已等待 ")
                        .append(days)
                        .append(" 天");
            }
            String subject = "【待审核提醒】" + county.name() + "有 " + mine.size() + " 份年度报告等待审核超过 " + limit.toDays() + " 天";
            String body = county.name() + "政府信息公开工作审核人员：\n\n以下乡镇（街道）的年度报告等待审核已超过 " + limit.toDays() + " 天：" + list
                    + "\n\n请登录县级审核页面处理。" + SIGNATURE;
            out.add(new Mail("waiting:" + county.code() + ":" + today, List.of(county.email()), subject, body));
        }
        return out;
    }
}
