package org.jumpdesk.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API's root. WildFly's MicroProfile OpenAPI builds the document ({@code /openapi}) from these
 * classes; {@code /api/docs/} renders it.
 */
@ApplicationPath(RestApi.PATH)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "JumpDesk API",
                        version = "1",
                        description =
                                "Jump Clients, installers, API tokens, support sessions and the audit trail. Every request"
                                        + " authenticates with an API token and acts as the token's owner. Errors are"
                                        + " RFC 9457 problem details with the catalogue code in `code`."),
        security = @SecurityRequirement(name = RestApi.BEARER))
@SecurityScheme(
        securitySchemeName = RestApi.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token created by an administrator")
public class RestApi extends Application {

    public static final String PATH = "/api/v1";

    static final String BEARER = "apiToken";

    /**
     * Exactly this API's classes. Without the list WildFly would also scan the libraries, and EclipseLink's
     * jar carries JPA-RS resources (which would publish the entities) and a MOXy JSON provider.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                JumpClientsResource.class,
                InstallersResource.class,
                ApiTokensResource.class,
                AuditEventsResource.class,
                SessionsResource.class,
                MetricsResource.class,
                BearerAuthentication.class,
                RefusalMapper.class,
                InvalidInputMapper.class,
                FailureMapper.class,
                JsonBinding.class);
    }
}
