package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.review.cases.Access;
import cn.gov.disclosure.review.summary.SummaryView;
import cn.gov.disclosure.review.summary.TableSums;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The county summary (全县汇总) and the province's (全省汇总): Tables 2, 3 and 4 of a reporting year summed over the
 * approved reports, each figure with its breakdown by township (or county), the townships still missing, and the sums
 * as a report ({@code report}) that the page has checked by validation's dry run. Also as an {@code .xlsx} workbook.
 */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COUNTY_REVIEWER, Roles.PROVINCE_ADMIN})
@Tag(name = "summary", description = "全县汇总 / the county's (or province's) tables summed")
@SecurityRequirement(name = "bearer")
public class SummaryResource {

    /** What the page and an API client get. */
    public record SummaryBody(
            int year,
            String template,
            String scopeCode,
            String scopeName,
            boolean province,
            int townships,
            List<SummaryView.CountyProgress> counties,
            List<SummaryView.MemberView> members,
            List<SummaryView.Missing> missing,
            List<TableSums.LeftOut> leftOut,
            List<TableSums.SummedTable> tables,
            AnnualReport report) {}

    private final SummaryView summaries;
    private final Access access;
    private final CurrentCaller current;

    public SummaryResource(SummaryView summaries, Access access, CurrentCaller current) {
        this.summaries = summaries;
        this.access = access;
        this.current = current;
    }

    @GET
    @Operation(
            summary = "全县汇总 / Tables 2–4 summed over the approved reports of a year",
            description = "A county reviewer gets their county, summed over its townships; the province gets every "
                    + "county (or the one asked for), a province summary summed over the counties. A figure that "
                    + "cannot be summed (a township's report lacks the cell, or states money without its unit) has no "
                    + "value and names the townships that stop it.")
    public Response summary(
            @Parameter(description = "the reporting year", required = true) @QueryParam("year") String year,
            @Parameter(description = "one county (province only)") @QueryParam("county") String county,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        SummaryBody body = body(summary(year, county));
        return Http.cacheable(body, Http.digestTag(body), ifNoneMatch);
    }

    @GET
    @Path("export.xlsx")
    @Produces(CompletenessWorkbook.MEDIA_TYPE)
    @Operation(
            summary = "全县汇总（Excel） / The summary as an .xlsx workbook: one sheet per table, the breakdown, the scope")
    public Response workbook(
            @Parameter(description = "the reporting year", required = true) @QueryParam("year") String year,
            @Parameter(description = "one county (province only)") @QueryParam("county") String county) {
        SummaryView.Summary s = summary(year, county);
        return Http.workbook(SummaryWorkbook.of(s), "summary-" + s.year() + ".xlsx", title(s) + ".xlsx");
    }

    @GET
    @Path("export.docx")
    @Produces(SummaryDocument.MEDIA_TYPE)
    @Operation(summary = "全县汇总（Word 草稿） / The county's tables summed, as a .docx draft for its own report")
    public Response document(
            @Parameter(description = "the reporting year", required = true) @QueryParam("year") String year,
            @Parameter(description = "one county (province only)") @QueryParam("county") String county) {
        SummaryView.Summary s = summary(year, county);
        return Http.download(
                SummaryDocument.of(s),
                SummaryDocument.MEDIA_TYPE,
                "summary-" + s.year() + ".docx",
                title(s) + "表格（草稿）.docx");
    }

    /** The downloads' Chinese name: {year}年度{county}全县汇总, or {year}年度{province}汇总. */
    private static String title(SummaryView.Summary s) {
        return s.year() + "年度" + s.scopeName() + (s.province() ? "汇总" : "全县汇总");
    }

    private SummaryView.Summary summary(String year, String county) {
        return summaries.of(Http.reportingYear(year), access.scope(current.get(), county));
    }

    private static SummaryBody body(SummaryView.Summary s) {
        return new SummaryBody(
                s.year(),
                s.sums().template().code(),
                s.scopeCode(),
                s.scopeName(),
                s.province(),
                s.townships(),
                s.counties(),
                s.members(),
                s.missing(),
                s.sums().leftOut(),
                s.sums().tables(),
                s.sums().asReport());
    }
}
