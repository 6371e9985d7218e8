package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.cases.CaseFilter;
import cn.gov.disclosure.review.cases.ETag;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.cases.ReviewService;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Action;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.store.Cases;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.CurrentCaller;
import cn.gov.disclosure.support.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reviewer's API: list and read cases, claim, release, approve, return. Reads are for county reviewers (their
 * county) and the province; changes are for county reviewers only, each with {@code If-Match: <ETag of the case>}.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
@Tag(name = "cases", description = "县级审核案件 / the county's review cases")
@SecurityRequirement(name = "bearer")
public class CaseResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_EXPORT = 10_000;

    private final ReviewService service;
    private final Cases store;
    private final CaseViewer viewer;
    private final Access access;
    private final OrganisationRegistry registry;
    private final CurrentCaller current;

    public CaseResource(
            ReviewService service,
            Cases store,
            CaseViewer viewer,
            Access access,
            OrganisationRegistry registry,
            CurrentCaller current) {
        this.service = service;
        this.store = store;
        this.viewer = viewer;
        this.access = access;
        this.registry = registry;
        this.current = current;
    }

    @GET
    @Operation(
            summary = "审核案件列表 / List the cases the caller may see",
            description = "Filters combine with AND. countsByState counts the cases matching every filter but state. "
                    + "Sort: field[,asc|desc], fields updatedAt (default, desc), createdAt, submittedAt, validatedAt, "
                    + "year, township, version, state, warnings, id.")
    public Response list(
            @Parameter(
                            description = "state(s), repeated or comma-separated: VALIDATION_FAILED, AWAITING_REVIEW, "
                                    + "IN_REVIEW, APPROVED, RETURNED, SUPERSEDED")
                    @QueryParam("state")
                    List<String> states,
            @Parameter(description = "reporting year") @QueryParam("year") String year,
            @Parameter(description = "a township's organisation code") @QueryParam("township") String township,
            @Parameter(description = "a county's code (province only; a reviewer's own county is implied)")
                    @QueryParam("county")
                    String county,
            @Parameter(description = "true: only cases with warnings; false: only without") @QueryParam("hasWarnings")
                    String hasWarnings,
            @Parameter(description = "true: only cases I have claimed; false: only cases I have not")
                    @QueryParam("claimedByMe")
                    String claimedByMe,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 … " + MAX_PAGE_SIZE + " (default 20)") @QueryParam("size")
                    String size,
            @Parameter(description = "field[,asc|desc]") @QueryParam("sort") String sort,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int pageNo = Http.integer("page", page, 0, 0, 1_000_000);
        int pageSize = Http.integer("size", size, 20, 1, MAX_PAGE_SIZE);
        CaseFilter.Sort order = sort(sort);
        CaseFilter filter = filter(states, year, township, county, hasWarnings, claimedByMe, order, pageNo, pageSize);
        Cases.Page found = store.search(filter);
        CaseViews.CasePage body = new CaseViews.CasePage(
                found.items().stream().map(viewer::summary).toList(),
                pageNo,
                pageSize,
                found.total(),
                (int) ((found.total() + pageSize - 1) / pageSize),
                order.toString(),
                found.countsByState());
        return Http.cacheable(body, Http.digestTag(body), ifNoneMatch);
    }

    @GET
    @Path("export.xlsx")
    @Produces(CompletenessWorkbook.MEDIA_TYPE)
    @Operation(
            summary = "审核案件列表（Excel） / The cases of the list's filters as an .xlsx workbook, Chinese headers",
            description = "The same filters and sort as the list, every matching case (up to " + MAX_EXPORT + ").")
    public Response export(
            @QueryParam("state") List<String> states,
            @QueryParam("year") String year,
            @QueryParam("township") String township,
            @QueryParam("county") String county,
            @QueryParam("hasWarnings") String hasWarnings,
            @QueryParam("claimedByMe") String claimedByMe,
            @QueryParam("sort") String sort) {
        CaseFilter.Sort order = sort(sort);
        Cases.Page found =
                store.search(filter(states, year, township, county, hasWarnings, claimedByMe, order, 0, MAX_EXPORT));
        return Http.workbook(CaseListWorkbook.of(found.items(), found.total()), "cases.xlsx", "审核案件列表.xlsx");
    }

    /** The list's filters as the caller may use them (403 for another county's township or county). */
    private CaseFilter filter(
            List<String> states,
            String year,
            String township,
            String county,
            String hasWarnings,
            String claimedByMe,
            CaseFilter.Sort order,
            int pageNo,
            int pageSize) {
        List<String> visible = access.visibleTownships(current.get());
        String townshipCode = blankToNull(township);
        if (townshipCode != null && visible != null && !visible.contains(townshipCode)) {
            throw ProblemException.forbidden("该乡镇不属于您所在的县", "the township is outside your county");
        }
        List<String> scope = visible;
        String countyCode = blankToNull(county);
        if (countyCode != null) {
            if (visible != null && !countyCode.equals(current.get().organisationCode())) {
                throw ProblemException.forbidden("您只能查看本县的案件", "you see your own county's cases only");
            }
            scope = registry.townshipsWithin(countyCode).stream()
                    .map(OrganisationRegistry.Organisation::code)
                    .toList();
        }
        Boolean mine = Http.bool("claimedByMe", claimedByMe);
        return new CaseFilter(
                states(states),
                Http.integer("year", year, null, 1900, 9999),
                townshipCode,
                scope,
                Http.bool("hasWarnings", hasWarnings),
                current.get().subject(),
                mine,
                order,
                pageNo,
                pageSize);
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "审核案件详情 / One case: report, findings, previous version, last year's approved report",
            description =
                    "ETag: the case's version; send it as If-Match to change the case, as If-None-Match to revalidate.")
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ReviewCase c = service.read(current.get(), id);
        String etag = ETag.of(c.rowVersion());
        if (ETag.noneMatchHits(ifNoneMatch, etag)) {
            return Http.cacheable(null, etag, ifNoneMatch);
        }
        return Http.cacheable(viewer.detail(c, current.get()), etag, ifNoneMatch);
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "审核记录 / The case's audit trail, oldest first (append-only)")
    public Response audit(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ReviewCase c = service.read(current.get(), id);
        String etag = ETag.of(c.rowVersion());
        if (ETag.noneMatchHits(ifNoneMatch, etag)) {
            return Http.cacheable(null, etag, ifNoneMatch);
        }
        return Http.cacheable(new CaseViews.AuditTrail(c.id(), store.audit(c.id())), etag, ifNoneMatch);
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed(Roles.COUNTY_REVIEWER)
    @Operation(summary = "认领 / Claim: AWAITING_REVIEW → IN_REVIEW (the caller holds the case)")
    public Response claim(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(
                id,
                ifMatch,
                ReviewStateMachine.Command.of(Action.CLAIM, current.get().subject()));
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed(Roles.COUNTY_REVIEWER)
    @Operation(summary = "放弃认领 / Release: IN_REVIEW → AWAITING_REVIEW (claimer only)")
    public Response release(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(
                id,
                ifMatch,
                ReviewStateMachine.Command.of(Action.RELEASE, current.get().subject()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.COUNTY_REVIEWER)
    @Operation(summary = "审核通过 / Approve: IN_REVIEW → APPROVED (claimer only; every warning acknowledged)")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseViews.ApproveRequest.class)))
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String json)
            throws JsonProcessingException {
        CaseViews.ApproveRequest body = Http.body(json, CaseViews.ApproveRequest.class);
        List<ReviewStateMachine.Acknowledgement> acks = new ArrayList<>();
        if (body != null && body.acknowledgements() != null) {
            for (CaseViews.AcknowledgementRequest a : body.acknowledgements()) {
                if (a != null) {
                    acks.add(new ReviewStateMachine.Acknowledgement(a.findingCode(), a.row(), a.column(), a.note()));
                }
            }
        }
        return act(
                id,
                ifMatch,
                new ReviewStateMachine.Command(
                        Action.APPROVE, current.get().subject(), body == null ? null : body.comment(), acks));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.COUNTY_REVIEWER)
    @Operation(summary = "退回 / Return to the township: IN_REVIEW → RETURNED (claimer only; comment required)")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseViews.ReturnRequest.class)))
    public Response returnToTownship(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String json)
            throws JsonProcessingException {
        CaseViews.ReturnRequest body = Http.body(json, CaseViews.ReturnRequest.class);
        return act(
                id,
                ifMatch,
                new ReviewStateMachine.Command(
                        Action.RETURN, current.get().subject(), body == null ? null : body.comment(), List.of()));
    }

    private Response act(String id, String ifMatch, ReviewStateMachine.Command command) {
        ReviewCase after = service.act(current.get(), id, ETag.expected(ifMatch), command);
        return Response.ok(viewer.detail(after, current.get()))
                .header("ETag", ETag.of(after.rowVersion()))
                .header("Cache-Control", "no-store")
                .build();
    }

    static Set<State> states(List<String> values) {
        Set<State> out = EnumSet.noneOf(State.class);
        if (values == null) {
            return out;
        }
        for (String v : values) {
            for (String part : v.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    out.add(State.valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw Http.bad("state", "不是已知状态：" + p, "is not a known state: " + p);
                }
            }
        }
        return out;
    }

    static CaseFilter.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return new CaseFilter.Sort(CaseFilter.SortField.updatedAt, true);
        }
        String[] parts = value.trim().split(",");
        String field = parts[0].trim();
        boolean descending = false;
        if (field.startsWith("-")) {
            descending = true;
            field = field.substring(1);
        }
        CaseFilter.SortField f;
        try {
            f = CaseFilter.SortField.valueOf(field);
        } catch (IllegalArgumentException e) {
            throw Http.bad("sort", "不能按 " + field + " 排序", "cannot sort by " + field);
        }
        if (parts.length > 2) {
            throw Http.bad("sort", "格式为 字段[,asc|desc]", "is field[,asc|desc]");
        }
        if (parts.length == 2) {
            switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw Http.bad("sort", "方向须为 asc 或 desc", "direction must be asc or desc");
            }
        }
        return new CaseFilter.Sort(f, descending);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
