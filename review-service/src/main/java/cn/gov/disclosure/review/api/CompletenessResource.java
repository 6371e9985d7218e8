package cn.gov.disclosure.review.api;

import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.cases.CompletenessView;
import cn.gov.disclosure.support.security.CurrentCaller;
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

    private final CompletenessView completeness;
    private final Access access;
    private final CurrentCaller current;

    public CompletenessResource(CompletenessView completeness, Access access, CurrentCaller current) {
        this.completeness = completeness;
        this.access = access;
        this.current = current;
    }

    @GET
    @Operation(
            summary = "按期完成情况 / On time, late and missing townships of a reporting year",
            description = "A township is complete when its report was published (report published), or failing that "
                    + "approved; ON_TIME when complete before 1 February of year+1 00:00 Beijing time, LATE when "
                    + "complete after, MISSING when not complete and the deadline has passed, PENDING before that.")
    public Response completeness(
            @Parameter(description = "the reporting year", required = true) @QueryParam("year") String year,
            @Parameter(description = "one county (province only)") @QueryParam("county") String county,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CompletenessView.Completeness body = view(year, county);
        return Http.cacheable(body, Http.digestTag(body), ifNoneMatch);
    }

    @GET
    @Path("export.xlsx")
    @Produces(CompletenessWorkbook.MEDIA_TYPE)
    @Operation(summary = "按期完成情况（Excel） / The same as an .xlsx workbook, Chinese headers, one row per township")
    public Response workbook(
            @Parameter(description = "the reporting year", required = true) @QueryParam("year") String year,
            @Parameter(description = "one county (province only)") @QueryParam("county") String county) {
        CompletenessView.Completeness body = view(year, county);
        return Http.workbook(
                CompletenessWorkbook.of(body),
                "completeness-" + body.year() + ".xlsx",
                body.year() + "年度政府信息公开工作年度报告按期完成情况.xlsx");
    }

    /** The caller's scope: a reviewer's own county, or the province (or one of its counties). */
    private CompletenessView.Completeness view(String year, String county) {
        int y = Http.reportingYear(year);
        Access.Scope scope = access.scope(current.get(), county);
        return completeness.of(y, scope.counties(), scope.code());
    }
}
