package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.installers.boundary.InstallerRequest;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.jumpclients.boundary.AgentProof;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.boundary.Registration;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.licensing.boundary.LicenseUsage;
import org.jumpdesk.licensing.boundary.Licensing;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.boundary.NewConsoleUser;
import org.jumpdesk.users.entity.PersonalGroupVisibility;

/**
 * Builds what an in-container test needs through the real use cases, with unique names so tests never
 * depend on each other's data. Acts as the site's first administrator.
 */
@Dependent
public class Fixtures {

    /** The administrator every site starts with. */
    public static final Actor ADMIN = Actor.user(ConsoleUsers.INITIAL_ADMIN);

    @EJB
    private ConsoleUsers consoleUsers;

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private Installers installers;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private Licensing licensing;

    @EJB
    private AgentRelease agentRelease;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    /** The key pair every client these fixtures register authenticates with. */
    private final KeyPair agentKeys = AgentAuthentication.newKeyPair();

    /** A registration as an agent holding the fixtures' key would send it. */
    public Registration registration(AgentDescription agent, String jumpGroup, String tag, String comments) {
        return new Registration(agent, AgentAuthentication.encode(agentKeys.getPublic()), jumpGroup, tag, comments);
    }

    /** The answer to a fresh challenge, signed for registering. */
    public AgentProof registrationProof() {
        return proof(JumpClients.REGISTER_PURPOSE);
    }

    /** The answer to a fresh challenge, signed as the client. */
    public AgentProof proofFor(UUID clientId) {
        return proof(clientId.toString());
    }

    private AgentProof proof(String purpose) {
        String nonce = AgentAuthentication.newNonce();
        return new AgentProof(
                nonce,
                AgentAuthentication.sign(agentKeys.getPrivate(), AgentAuthentication.signedText(nonce, purpose)));
    }

    /** The catalogue status of the refusal the action must end in. */
    public static JumpDeskStatus statusOf(Runnable action) {
        JumpDeskException refusal = catchThrowableOfType(JumpDeskException.class, action::run);
        assertThat(refusal).as("a refusal").isNotNull();
        return refusal.status();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Actor user(PersonalGroupVisibility visibility) {
        String name = unique("rep");
        consoleUsers.create(ADMIN, new NewConsoleUser(name, "correct horse battery", false, visibility));
        return Actor.user(name);
    }

    public Actor user() {
        return user(PersonalGroupVisibility.NONE);
    }

    public String sharedGroup() {
        return jumpGroups.createShared(ADMIN, unique("group")).name();
    }

    /** A new shared group and a new user who manages it. */
    public record ManagedGroup(String group, Actor manager) {}

    /** Room in the license, a new shared group and its manager: what most tests start from. */
    public ManagedGroup managedGroup() {
        generousLicense();
        String group = sharedGroup();
        Actor manager = user();
        member(group, manager, JumpGroupRole.MANAGE);
        return new ManagedGroup(group, manager);
    }

    public void member(String group, Actor user, JumpGroupRole role) {
        jumpGroups.setMember(ADMIN, group, user.name(), role);
    }

    /** An installer key for the group, valid a day, with no overrides allowed. */
    public String installer(String group, JumpClientMode mode) {
        return installers
                .create(
                        ADMIN,
                        new InstallerRequest(
                                group, "tag-1", "made by a test", mode, InstallMode.SERVICE, 1440, false, false, false))
                .key();
    }

    public UUID register(String installerKey) {
        return jumpClients
                .register(
                        installerKey,
                        registration(
                                new AgentDescription(unique("host"), "Linux 6.1", releaseVersion()), null, null, null),
                        registrationProof())
                .clientId();
    }

    /** A client registered with the installer and connected once: ACTIVE or PASSIVE as the installer says. */
    public UUID connected(String installerKey) {
        UUID id = register(installerKey);
        jumpClients.agentConnected(id, proofFor(id), new AgentDescription("host-" + id, "Linux 6.1", releaseVersion()));
        return id;
    }

    /** The agent version the site runs: clients on it can be jumped to. */
    public String releaseVersion() {
        return agentRelease.current().orElseThrow().version();
    }

    /** Room for whatever a test registers: 1,000 free deployed and active slots. */
    public void generousLicense() {
        LicenseUsage usage = licensing.usage();
        licensing.change(ADMIN, usage.deployedCount() / 25 + 40, usage.activeCount() + 1000);
    }

    /** Exactly {@code free} deployed slots left, filling the last pack with clients if needed. */
    public void deployedSlotsLeft(int free, String fillerInstallerKey) {
        LicenseUsage usage = licensing.usage();
        int packs = (usage.deployedCount() + free + 24) / 25;
        licensing.change(ADMIN, packs, usage.activeCount() + 1000);
        for (int i = usage.deployedCount(); i < packs * 25 - free; i++) {
            register(fillerInstallerKey);
        }
    }

    /** Exactly {@code free} active slots left. */
    public void activeSlotsLeft(int free) {
        LicenseUsage usage = licensing.usage();
        licensing.change(ADMIN, usage.packs(), usage.activeCount() + free);
    }

    public LicenseUsage license() {
        return licensing.usage();
    }

    /** The counters in the license row agree with the clients in the database. */
    public boolean licenseCountsMatchClients() throws SQLException {
        return count("SELECT COUNT(*) FROM site_license WHERE deployed_count = (SELECT COUNT(*) FROM jump_client"
                        + " WHERE deleted_at IS NULL AND state <> 'UNINSTALLED') AND active_count = (SELECT COUNT(*)"
                        + " FROM jump_client WHERE deleted_at IS NULL AND state = 'ACTIVE')")
                == 1;
    }

    /** Runs a counting query with string parameters. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return Statements.count(statement, parameters);
        }
    }

    /**
     * Polls a counting query until it reaches at least {@code expected} or ten seconds pass, and returns the
     * last count. For what the site writes asynchronously, like the audit rows of refusals.
     */
    public long eventuallyAtLeast(long expected, String sql, Object... parameters)
            throws SQLException, InterruptedException {
        return Statements.eventuallyAtLeast(expected, () -> count(sql, parameters));
    }

    /** Polls until the condition holds, failing after 30 seconds with what was awaited. */
    public static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, Duration.ofSeconds(30));
    }

    /** Polls until the condition holds, failing after {@code patience} with what was awaited. */
    public static void awaitTrue(BooleanSupplier condition, String what, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still waiting after " + patience.toSeconds() + " s for: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Runs a statement as it is; for what no use case may do, like ageing an installer. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return Statements.bind(statement, parameters).executeUpdate();
        }
    }
}
