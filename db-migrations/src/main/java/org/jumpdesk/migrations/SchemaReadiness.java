package org.jumpdesk.migrations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Ready when PostgreSQL answers and holds exactly the schema these migrations make: none pending, none
 * failed. A node whose database went away, was restored to an older schema, or was left half-migrated
 * takes no traffic ({@code /health/ready} answers 503), while it stays live.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaReadiness.class.getName());

    @Resource(lookup = "java:jboss/datasources/JumpDeskDS")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try {
            MigrationInfoService info = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .info();
            MigrationInfo[] all = info.all();
            long failed =
                    Arrays.stream(all).filter(m -> m.getState().isFailed()).count();
            String shipped = Arrays.stream(all)
                    .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                    .map(m -> m.getVersion().getVersion())
                    .reduce((a, b) -> b)
                    .orElse("none");
            String current = info.current() == null
                    ? "none"
                    : info.current().getVersion().getVersion();
            return response.withData("schemaVersion", current)
                    .withData("expectedSchemaVersion", shipped)
                    .withData("pendingMigrations", info.pending().length)
                    .withData("failedMigrations", failed)
                    .status(failed == 0 && info.pending().length == 0 && current.equals(shipped))
                    .build();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "database not reachable for the readiness check", e);
            return response.withData("error", e.getClass().getSimpleName())
                    .down()
                    .build();
        }
    }
}
