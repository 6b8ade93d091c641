package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.platform.DatabaseMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jump Client boundary on WildFly with EclipseLink and PostgreSQL: the change and its audit rows live
 * in one JTA transaction. Rows are read back with plain JDBC, not through the persistence context.
 */
@ExtendWith(ArquillianExtension.class)
class JumpClientsIT {

    private static final AgentDescription DESK = new AgentDescription("recepción-01", "Windows 11 24H2", "0.1.0");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(JumpClientsIT.class);
    }

    @EJB
    private JumpClients jumpClients;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    @Test
    void aFirstConnectionRegistersTheClientActiveWithItsAuditRows() throws SQLException {
        UUID id = UUID.randomUUID();

        JumpClientSummary client = jumpClients.agentConnected(id, DESK);

        assertThat(client.state()).isEqualTo(JumpClientState.ACTIVE);
        assertThat(count(
                        "SELECT COUNT(*) FROM jump_client WHERE id = ? AND state = 'ACTIVE' AND hostname = 'recepción-01'",
                        id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE target = ?", id))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE target = ? AND action = 'jump-client.registered'", id))
                .isEqualTo(1);
    }

    @Test
    void aReconnectUpdatesTheSameClientWithoutNewAuditRows() throws SQLException {
        UUID id = UUID.randomUUID();
        jumpClients.agentConnected(id, DESK);

        jumpClients.agentConnected(id, new AgentDescription("recepción-01", "Windows 11 25H2", "0.2.0"));

        assertThat(count("SELECT COUNT(*) FROM jump_client WHERE id = ? AND agent_version = '0.2.0'", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE target = ?", id))
                .isEqualTo(2);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheClientNorItsAuditRows() throws Exception {
        UUID id = UUID.randomUUID();

        transaction.begin();
        JumpClientSummary inside = jumpClients.agentConnected(id, DESK);
        transaction.rollback();

        assertThat(inside.state()).isEqualTo(JumpClientState.ACTIVE);

        assertThat(count("SELECT COUNT(*) FROM jump_client WHERE id = ?", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE target = ?", id))
                .isZero();
    }

    @Test
    void theListShowsRegisteredClients() {
        UUID id = UUID.randomUUID();
        jumpClients.agentConnected(id, DESK);

        assertThat(jumpClients.list(0, 1000)).extracting(JumpClientSummary::id).contains(id);
        assertThat(jumpClients.count()).isPositive();
    }

    private long count(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, sql.contains("audit_event") ? id.toString() : id);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
