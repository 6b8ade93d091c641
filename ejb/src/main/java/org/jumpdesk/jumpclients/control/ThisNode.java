package org.jumpdesk.jumpclients.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.protocol.RestartRetry;

/**
 * This node in the cluster's presence: its id ({@code JUMPDESK_NODE_ID}, else {@code jboss.node.name}), a
 * new boot id at every start, and its {@code site_node} row, refreshed by the node's housekeeping timer
 * ({@link #keepAlive()}, every {@value #KEEP_ALIVE_SECONDS} seconds). Every refresh releases the connections
 * no running node answers for ({@link ConnectionSql#RELEASE_ABANDONED}), so the agents of a crashed or
 * stopped node are offline for every console within {@link #SILENCE_BOUND}.
 *
 * <p>A node that stops leaves its connections in the database, and a node that starts again does not
 * release those of its earlier run before {@link #RESTART_GRACE}: its agents come back within seconds and
 * take their rows over, and a client whose {@code online} flag never fell needs no write of its own row
 * (each version of it goes into the table's 19 indexes). Released at the stop, every client's row was
 * written at the stop and again at its return.
 *
 * <p>Registered before anything else can use it (a startup singleton, and the container completes
 * {@code @PostConstruct} before the first call), so a connection recorded by this run is never taken for
 * one of an earlier run or of a silent node.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ThisNode {

    /** How often the housekeeping timer calls {@link #keepAlive()}. */
    public static final int KEEP_ALIVE_SECONDS = 10;

    /**
     * A node not seen for this long is taken for gone, and its agents for offline: six refreshes, so a node
     * that is only slow (a long collection, a loaded machine) is not.
     */
    public static final Duration SILENCE_BOUND = Duration.ofSeconds(6L * KEEP_ALIVE_SECONDS);

    /**
     * How long after its start a node keeps the connections of its earlier run for their agents to take
     * over: as long as agents retry every few seconds after a restart ({@link RestartRetry#WINDOW}), so
     * only those gone with their machines, or still waiting when they gave up the quick retries, are let go.
     */
    public static final Duration RESTART_GRACE = RestartRetry.WINDOW;

    private static final Logger LOG = Logger.getLogger(ThisNode.class.getName());

    private static final String REGISTER = "INSERT INTO site_node (node_id, boot_id, started_at, seen_at)"
            + " VALUES (?, ?, now(), now()) ON CONFLICT (node_id) DO UPDATE SET boot_id = excluded.boot_id,"
            + " started_at = now(), seen_at = now()";

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    private final String id = Optional.ofNullable(System.getenv("JUMPDESK_NODE_ID"))
            .filter(name -> !name.isBlank())
            .orElseGet(() -> System.getProperty("jboss.node.name", "jumpdesk"));

    private final UUID bootId = UUID.randomUUID();

    @PostConstruct
    void register() {
        run(REGISTER);
        LOG.info(() -> "node " + id + " started (boot " + bootId + ")");
    }

    /**
     * Refreshes this node's row, then takes offline the agents no running node answers for.
     *
     * @return false when other nodes had taken this one for gone (its row was removed, so were its
     *     agents' connections): it is registered again, and its agents must connect again to be online
     */
    public boolean keepAlive() {
        boolean known = run("UPDATE site_node SET seen_at = now() WHERE node_id = ? AND boot_id = ?") == 1;
        if (!known) {
            LOG.warning(() -> "node " + id + " was taken for gone by the other nodes; registering again");
            run(REGISTER);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(ConnectionSql.RELEASE_ABANDONED);
                PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM site_node WHERE seen_at < now() - make_interval(secs => ?)")) {
            release.setLong(1, SILENCE_BOUND.toSeconds());
            release.setLong(2, RESTART_GRACE.toSeconds());
            int released = release.executeUpdate();
            forget.setLong(1, SILENCE_BOUND.toSeconds());
            forget.executeUpdate();
            if (released > 0) {
                LOG.info(() -> released + " agent connections of silent nodes or earlier runs released");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot release the agent connections of silent nodes or earlier runs", e);
        }
        return known;
    }

    /** Marks when this node was last seen; its connections stay for its agents' return (see above). */
    @PreDestroy
    void shutDown() {
        try {
            run("UPDATE site_node SET seen_at = now() WHERE node_id = ? AND boot_id = ?");
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "node " + id + " could not record its shutdown", e);
        }
    }

    /** This node's id, as {@code agent_connection.node_id} and {@code site_node} name it. */
    public String id() {
        return id;
    }

    /** This run of the node: connections recorded with another boot id belong to an earlier run. */
    public UUID bootId() {
        return bootId;
    }

    /** Runs a statement whose parameters are this node's id and boot id, in its own transaction. */
    private int run(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setObject(2, bootId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("node " + id + ": " + e.getMessage(), e);
        }
    }
}
