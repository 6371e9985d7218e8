package cn.gov.disclosure.publication.api;

import cn.gov.disclosure.publication.archive.ArchiveService;
import cn.gov.disclosure.publication.archive.BagVerifier;
import cn.gov.disclosure.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks the archive: every checksum of every package recomputed. */
@Path("/api/v1/archive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "归档核验 / archive verification")
public class ArchiveResource {

    private final ArchiveService archive;

    public ArchiveResource(ArchiveService archive) {
        this.archive = archive;
    }

    @GET
    @Path("verify")
    @Blocking
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "核验归档 / Recompute every checksum; lists the packages that no longer match")
    public BagVerifier.Report verify() {
        return archive.verify();
    }
}
