package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.review.cases.CaseProblem;
import cn.gov.disclosure.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A {@link CaseProblem} leaves as {@code application/problem+json} like every problem, with its extension members
 * ({@code state}, {@code etag}, {@code claimedBy}, …) beside the standard ones, and the case's current ETag in the
 * {@code ETag} header.
 */
public class CaseProblemMapper {

    @ServerExceptionMapper
    public Response caseProblem(CaseProblem e, UriInfo uri) {
        Problem p = uri == null ? e.problem() : e.problem().withInstance(uri.getPath());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(ContractsJson.mapper().convertValue(p, Map.class));
        e.extensions().forEach(body::putIfAbsent);
        Response.ResponseBuilder b =
                Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(body);
        Object etag = e.extensions().get("etag");
        if (etag != null) {
            b.header("ETag", etag.toString());
        }
        return b.build();
    }
}
