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
import org.jumpdesk.apitokens.boundary.ApiTokenView;
import org.jumpdesk.apitokens.boundary.ApiTokens;
import org.jumpdesk.apitokens.boundary.CreatedApiToken;
import org.jumpdesk.apitokens.boundary.NewApiToken;
import org.jumpdesk.shared.JumpDeskStatus;

/** API tokens (administrators only). */
@Path("api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class ApiTokensResource {

    @EJB
    private ApiTokens apiTokens;

    @Inject
    private ApiRequest request;

    @GET
    @Operation(summary = "List API tokens, newest first, without their secrets")
    public List<ApiTokenView> list() {
        return apiTokens.list(request.actor());
    }

    @POST
    @Operation(summary = "Create an API token", description = "Answers the secret once; only its hash is kept.")
    public Response create(NewApiToken token, @Context UriInfo uri) {
        CreatedApiToken created = apiTokens.create(request.actor(), token);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.token().id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API token")
    public ApiTokenView revoke(@PathParam("id") String id) {
        return apiTokens.revoke(request.actor(), Params.id(id, JumpDeskStatus.INVALID_INPUT));
    }
}
