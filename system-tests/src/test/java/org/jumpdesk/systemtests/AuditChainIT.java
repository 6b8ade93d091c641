package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.audit.boundary.AuditLog;
import org.jumpdesk.audit.boundary.ChainVerification;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.platform.DatabaseMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail is append-only for the application and tamper-evident for anyone who bypasses that:
 * a row altered or deleted by hand in PostgreSQL is reported by the chain verification.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(AuditChainIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private AuditLog auditLog;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    @Test
    void theApplicationCannotChangeOrDeleteAuditRows() {
        fixtures.generousLicense();

        Throwable update = catchThrowable(() -> fixtures.execute("UPDATE audit_event SET actor = 'mallory'"));
        Throwable delete = catchThrowable(() -> fixtures.execute("DELETE FROM audit_event"));

        assertThat(update).hasMessageContaining("append-only");
        assertThat(delete).hasMessageContaining("append-only");
        assertThat(auditLog.verifyChain(Fixtures.ADMIN).intact()).isTrue();
    }

    @Test
    void aRowAlteredByHandIsReportedAndTheChainIsWholeAgainOnceRestored() throws SQLException {
        long id = freshAuditRow();
        assertThat(auditLog.verifyChain(Fixtures.ADMIN).intact()).isTrue();

        asSuperuserBypassingTriggers("UPDATE audit_event SET actor = 'mallory' WHERE id = " + id);
        ChainVerification tampered = auditLog.verifyChain(Fixtures.ADMIN);
        asSuperuserBypassingTriggers("UPDATE audit_event SET actor = 'admin' WHERE id = " + id);

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.brokenAtId()).isEqualTo(id);
        assertThat(tampered.reason()).isEqualTo("altered");
        assertThat(auditLog.verifyChain(Fixtures.ADMIN).intact()).isTrue();
    }

    @Test
    void aRowDeletedByHandIsReportedAtTheRowAfterIt() throws SQLException {
        long deleted = freshAuditRow();
        freshAuditRow();
        long successor = fixtures.count(
                "SELECT id FROM audit_event WHERE chain_seq = (SELECT chain_seq + 1 FROM audit_event WHERE id = ?)",
                deleted);

        String kept = "audit_event_kept_" + deleted;
        asSuperuserBypassingTriggers("CREATE TABLE " + kept + " AS SELECT * FROM audit_event WHERE id = " + deleted
                + "; DELETE FROM audit_event WHERE id = " + deleted);
        ChainVerification tampered;
        try {
            tampered = auditLog.verifyChain(Fixtures.ADMIN);
        } finally {
            asSuperuserBypassingTriggers(
                    "INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM " + kept + "; DROP TABLE " + kept);
        }

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.brokenAtId()).isEqualTo(successor);
        assertThat(tampered.reason()).isEqualTo("predecessor missing");
        assertThat(auditLog.verifyChain(Fixtures.ADMIN).intact()).isTrue();
    }

    /** Writes an audited change and returns its audit row's id. */
    private long freshAuditRow() throws SQLException {
        String group = fixtures.sharedGroup();
        fixtures.installer(group, JumpClientMode.ACTIVE);
        return fixtures.count("SELECT max(id) FROM audit_event WHERE actor = 'admin'");
    }

    /** What someone with database superuser rights could do: switch the triggers off for their session. */
    private void asSuperuserBypassingTriggers(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try {
                statement.execute(sql);
            } finally {
                statement.execute("SET session_replication_role = origin");
            }
        }
    }
}
