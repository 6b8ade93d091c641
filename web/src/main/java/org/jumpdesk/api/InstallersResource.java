package org.jumpdesk.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jumpdesk.installers.boundary.InstallerRequest;
import org.jumpdesk.installers.boundary.InstallerView;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.shared.JumpDeskStatus;

/** Installers (administrators only). */
@Path("installers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Installers")
public class InstallersResource {

    /** Where the packages of an installer are downloaded, by its key (served by the installers component). */
    static final String DOWNLOAD_PATH = "/download/installer?key=";

    /**
     * A new installer.
     *
     * @param installer its key is shown here once and never again
     * @param downloadPath the site-relative link to its packages, usable by many recipients while it is valid
     */
    public record CreatedInstaller(InstallerView installer, String downloadPath) {}

    @EJB
    private Installers installers;

    @Inject
    private ApiRequest request;

    @GET
    @Operation(summary = "List installers, newest first, without their keys")
    public List<InstallerView> list() {
        return installers.list(request.actor());
    }

    @POST
    @Operation(
            summary = "Create an installer",
            description = "Answers the installer key and the download link; refused with JC_LIMIT_DEPLOYED when"
                    + " the license has no free deployed slot.")
    public Response create(InstallerRequest installer, @Context UriInfo uri) {
        InstallerView created = installers.create(request.actor(), installer);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(new CreatedInstaller(created, DOWNLOAD_PATH + created.key()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an installer", description = "Clients it registered stay.")
    public void revoke(@PathParam("id") String id) {
        installers.revoke(request.actor(), Params.id(id, JumpDeskStatus.INVALID_INPUT));
    }
}
