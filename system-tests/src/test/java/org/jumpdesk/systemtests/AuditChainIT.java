package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * a row altered or deleted by hand in PostgreSQL is reported by the chain verification. Rows are written
 * unsealed and linked into the chain by the sealer shortly after their commit.
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
    void aCommittedRowIsSealedWithinSecondsWithoutAnyoneAsking() throws Exception {
        long id = freshAuditRow();

        long sealed = fixtures.eventuallyAtLeast(
                1, "SELECT count(*) FROM audit_event WHERE id = ? AND chain_seq IS NOT NULL AND hash IS NOT NULL", id);

        assertThat(sealed).as("row %d sealed by the timer", id).isEqualTo(1);
    }

    @Test
    void changesCommittedAtOnceFromManyThreadsFormOneUnbrokenChain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> rows = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                rows.add(threads.submit(this::freshAuditRow));
            }
            for (Future<Long> row : rows) {
                row.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }

        long committed = fixtures.count("SELECT count(*) FROM audit_event");

        ChainVerification verification = auditLog.verifyChain(Fixtures.ADMIN);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked())
                .as("every row committed before the check")
                .isGreaterThanOrEqualTo(committed);
    }

    @Test
    void aSealedRowCannotBeSealedAgain() throws Exception {
        long id = freshAuditRow();
        auditLog.verifyChain(Fixtures.ADMIN);

        Throwable reseal = catchThrowable(() -> fixtures.execute(
                "UPDATE audit_event SET chain_seq = chain_seq + 1000000, previous_hash = NULL WHERE id = ?", id));

        assertThat(reseal).hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredByHandIsReportedAndTheChainIsWholeAgainOnceRestored() throws Exception {
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
        auditLog.verifyChain(Fixtures.ADMIN);
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
