package cn.gov.disclosure.publication.api;

import cn.gov.disclosure.publication.flow.PublicationRecord;
import cn.gov.disclosure.publication.flow.PublicationStatus;
import cn.gov.disclosure.publication.flow.PublicationTrigger;
import cn.gov.disclosure.publication.store.Publications;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import cn.gov.disclosure.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each approved version stands, and the operator's retry of a failed one. */
@Path("/api/v1/publications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "publications", description = "发布状态与重试 / publication state and retries")
public class PublicationResource {

    private final Publications store;
    private final PublicationTrigger trigger;

    public PublicationResource(Publications store, PublicationTrigger trigger) {
        this.store = store;
        this.trigger = trigger;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PROVINCE_ADMIN})
    @Operation(summary = "发布列表 / Publications, newest first (filters: status, organisationCode, year, reportId)")
    public List<PublicationRecord> list(
            @QueryParam("status") String status,
            @QueryParam("organisationCode") String organisationCode,
            @QueryParam("year") Integer year,
            @QueryParam("reportId") String reportId,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        PublicationStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = PublicationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "invalid-status",
                        "状态不正确",
                        "Unknown status",
                        List.of(Problem.Error.at(
                                "/status",
                                "状态须为 PUBLISHING、PUBLISHED 或 PUBLICATION_FAILED",
                                "status must be PUBLISHING, PUBLISHED or PUBLICATION_FAILED")));
            }
        }
        return store.list(s, organisationCode, year, reportId, Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("{reportId}/{version}")
    @RolesAllowed({Roles.OPERATOR, Roles.PROVINCE_ADMIN})
    @Operation(summary = "某一版本的发布状态 / The publication of one version")
    public PublicationRecord one(@PathParam("reportId") String reportId, @PathParam("version") int version) {
        return store.find(reportId, version).orElseThrow(() -> ProblemException.notFound("该版本的发布记录", "Publication"));
    }

    @POST
    @Path("{reportId}/{version}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "重试发布失败的版本 / Retry a version whose publication failed (202: under way)")
    public Response retry(@PathParam("reportId") String reportId, @PathParam("version") int version) {
        switch (store.requeue(reportId, version)) {
            case NOT_FOUND -> throw ProblemException.notFound("该版本的发布记录", "Publication");
            case NOT_FAILED -> {
                PublicationRecord r = store.find(reportId, version).orElseThrow();
                throw ProblemException.conflict(
                        "not-failed",
                        "只能重试发布失败的版本",
                        "Only a failed publication can be retried",
                        "当前状态：" + r.status(),
                        "current status: " + r.status());
            }
            default -> {}
        }
        trigger.submit(reportId, version);
        return Response.accepted(store.find(reportId, version).orElseThrow()).build();
    }
}
