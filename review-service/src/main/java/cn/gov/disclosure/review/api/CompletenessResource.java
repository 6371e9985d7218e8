package cn.gov.disclosure.review.api;

import cn.gov.disclosure.support.security.CurrentCaller;

import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.store.Cases;
import cn.gov.disclosure.review.domain.Deadline;
import cn.gov.disclosure.review.domain.Deadline.Timeliness;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Path("/api/v1/completeness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
@Tag(name = "completeness", description = "按期完成情况 / who is on time, late or missing")
@SecurityRequirement(name = "bearer")
public class CompletenessResource {

    private final Cases store;
    private final Access access;
    private final OrganisationRegistry registry;
    private final CurrentCaller current;
    private final Clock clock;

    public CompletenessResource(Cases store, Access access, OrganisationRegistry registry, CurrentCaller current, Clock clock) {
        this.store = store;
        this.access = access;
        this.registry = registry;
        this.current = current;
        this.clock = clock;
    }

    public record Counts(int townships, int onTime, int late, int missing, int pending) {
        static Counts of(List<Township> ts) {
            return new Counts(ts.size(), count(ts, Timeliness.ON_TIME), count(ts, Timeliness.LATE),
                    count(ts, Timeliness.MISSING), count(ts, Timeliness.PENDING));
        }

        Counts plus(Counts o) {
            return new Counts(townships + o.townships, onTime + o.onTime, late + o.late, missing + o.missing,
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
    public record Township(String code, String name, String latestCaseId, Integer latestVersion, State state,
                           OffsetDateTime approvedAt, OffsetDateTime publishedAt, OffsetDateTime completedAt,
                           Timeliness timeliness) {
    }

    public record County(String code, String name, String cityCode, String cityName, String provinceCode,
                         String provinceName, Counts counts, List<Township> townships) {
    }

    /**
     * @param dueDate        the last day (Beijing time) to publish
     * @param lateFrom       the first instant that is late (1 February 00:00 +08:00)
     * @param deadlinePassed whether "now" is at or after lateFrom
     * @param scope          the county's code for a reviewer, {@code province} for the province
     */
    public record Completeness(int year, LocalDate dueDate, OffsetDateTime lateFrom, boolean deadlinePassed,
                               String scope, Counts totals, List<County> counties) {
    }

    @GET
    @Operation(summary = "按期完成情况 / On time, late and missing townships of a reporting year",
            description = "A township is complete when its report was published (report published), or failing that "
                    + "approved; ON_TIME when complete before 1 February of year+1 00:00 Beijing time, LATE when "
                    + "complete after, MISSING when not complete and the deadline has passed, PENDING before that.")
    public Response completeness(@Parameter(description = "the reporting year", required = true)
                                 @QueryParam("year") String year,
                                 @Parameter(description = "one county (province only)") @QueryParam("county") String county,
                                 @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (year == null || year.isBlank()) {
            throw ProblemException.badRequest("invalid-query", "查询参数不正确", "Invalid query parameter",
                    List.of(Problem.Error.at("?year", "请指定报告年度 year", "year is required")));
        }
        int y = Http.integer("year", year, null, TemplateVersion.FIRST_REPORTING_YEAR, 9998);
        List<OrganisationRegistry.Organisation> counties;
        String scope;
        if (access.readsEverything(current.get())) {
            counties = registry.all().stream().filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                    .filter(o -> county == null || county.isBlank() || o.code().equals(county.trim())).toList();
            scope = county == null || county.isBlank() ? "province" : county.trim();
        } else {
            OrganisationRegistry.Organisation own = access.reviewerCounty(current.get());
            if (county != null && !county.isBlank() && !county.trim().equals(own.code())) {
                throw ProblemException.forbidden("您只能查看本县的情况", "you see your own county only");
            }
            counties = List.of(own);
            scope = own.code();
        }
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
            out.add(new County(c.code(), c.name(), city.map(OrganisationRegistry.Organisation::code).orElse(null),
                    city.map(OrganisationRegistry.Organisation::name).orElse(null),
                    province.map(OrganisationRegistry.Organisation::code).orElse(null),
                    province.map(OrganisationRegistry.Organisation::name).orElse(null), counts, townships));
        }
        Completeness body = new Completeness(y, Deadline.dueDate(y), Deadline.lateFrom(y), Deadline.passed(y, now),
                scope, totals, out);
        return Http.cacheable(body, Http.digestTag(body), ifNoneMatch);
    }

    private static Township township(OrganisationRegistry.Organisation t, Cases.TownshipYear k, int year, Instant now) {
        OffsetDateTime approved = k == null ? null : k.approvedAt();
        OffsetDateTime published = k == null ? null : k.publishedAt();
        OffsetDateTime completed = published != null ? published : approved;
        return new Township(t.code(), t.officialName(), k == null ? null : k.latestCaseId(),
                k == null ? null : k.latestVersion(), k == null ? null : k.latestState(), approved, published, completed,
                Deadline.classify(year, completed == null ? null : completed.toInstant(), now));
    }
}
