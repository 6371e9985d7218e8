package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.review.domain.Deadline;
import cn.gov.disclosure.review.domain.Deadline.Timeliness;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.store.Cases;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who has published (or at least had approved) their report of a year by the deadline, 31 January of the next
 * year, Beijing time: per township of each county, its latest case state and ON_TIME / LATE / MISSING (PENDING
 * while the deadline has not passed), with counts per county and for the whole scope.
 */
@ApplicationScoped
public class CompletenessView {

    private final Cases store;
    private final OrganisationRegistry registry;
    private final Clock clock;

    public CompletenessView(Cases store, OrganisationRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    public record Counts(int townships, int onTime, int late, int missing, int pending) {
        static Counts of(List<Township> ts) {
            return new Counts(
                    ts.size(),
                    count(ts, Timeliness.ON_TIME),
                    count(ts, Timeliness.LATE),
                    count(ts, Timeliness.MISSING),
                    count(ts, Timeliness.PENDING));
        }

        Counts plus(Counts o) {
            return new Counts(
                    townships + o.townships,
                    onTime + o.onTime,
                    late + o.late,
                    missing + o.missing,
                    pending + o.pending);
        }

        private static int count(List<Township> ts, Timeliness t) {
            return (int) ts.stream().filter(x -> x.timeliness() == t).count();
        }
    }

    /**
     * One township.
     *
     * @param state       the state of its latest case (null: no version has reached review)
     * @param completedAt publishedAt when known, else approvedAt: what the deadline is measured against
     */
    public record Township(
            String code,
            String name,
            String latestCaseId,
            Integer latestVersion,
            State state,
            OffsetDateTime approvedAt,
            OffsetDateTime publishedAt,
            OffsetDateTime completedAt,
            Timeliness timeliness) {}

    public record County(
            String code,
            String name,
            String cityCode,
            String cityName,
            String provinceCode,
            String provinceName,
            Counts counts,
            List<Township> townships) {}

    /**
     * @param dueDate        the last day (Beijing time) to publish
     * @param lateFrom       the first instant that is late (1 February 00:00 +08:00)
     * @param deadlinePassed whether "now" is at or after lateFrom
     * @param scope          the county's code for a reviewer, {@code province} for the province
     */
    public record Completeness(
            int year,
            LocalDate dueDate,
            OffsetDateTime lateFrom,
            boolean deadlinePassed,
            String scope,
            Counts totals,
            List<County> counties) {}

    /** The completeness of {@code counties} for the reporting year {@code y}; {@code scope} names them. */
    public Completeness of(int y, List<OrganisationRegistry.Organisation> counties, String scope) {
        Instant now = clock.instant();
        Map<String, Cases.TownshipYear> known = store.townshipYears(y);
        List<County> out = new ArrayList<>();
        Counts totals = new Counts(0, 0, 0, 0, 0);
        for (OrganisationRegistry.Organisation c : counties) {
            List<Township> townships = new ArrayList<>();
            for (OrganisationRegistry.Organisation t : registry.townshipsWithin(c.code())) {
                townships.add(township(t, known.get(t.code()), y, now));
            }
            Counts counts = Counts.of(townships);
            totals = totals.plus(counts);
            var city = registry.ancestor(c.code(), OrganisationRegistry.Level.CITY);
            var province = registry.ancestor(c.code(), OrganisationRegistry.Level.PROVINCE);
            out.add(new County(
                    c.code(),
                    c.name(),
                    city.map(OrganisationRegistry.Organisation::code).orElse(null),
                    city.map(OrganisationRegistry.Organisation::name).orElse(null),
                    province.map(OrganisationRegistry.Organisation::code).orElse(null),
                    province.map(OrganisationRegistry.Organisation::name).orElse(null),
                    counts,
                    townships));
        }
        Completeness body = new Completeness(
                y, Deadline.dueDate(y), Deadline.lateFrom(y), Deadline.passed(y, now), scope, totals, out);
        return body;
    }

    private static Township township(OrganisationRegistry.Organisation t, Cases.TownshipYear k, int year, Instant now) {
        OffsetDateTime approved = k == null ? null : k.approvedAt();
        OffsetDateTime published = k == null ? null : k.publishedAt();
        OffsetDateTime completed = published != null ? published : approved;
        return new Township(
                t.code(),
                t.officialName(),
                k == null ? null : k.latestCaseId(),
                k == null ? null : k.latestVersion(),
                k == null ? null : k.latestState(),
                approved,
                published,
                completed,
                Deadline.classify(year, completed == null ? null : completed.toInstant(), now));
    }
}
