package cn.gov.disclosure.publication.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The government portal's publishing API (contracts: portal/portal-api.yaml), as a Quarkus REST client. */
@RegisterRestClient(configKey = "portal")
@Path("/api/reports")
public interface PortalApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** publishReport: publish or replace; 201 first version, 200 replaced or replayed. */
    @PUT
    @Path("/{organisationCode}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response publish(
            @PathParam("organisationCode") String organisationCode,
            @PathParam("year") int year,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            PortalPublishRequest request);
}
