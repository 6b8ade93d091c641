package org.jumpdesk.jumpclients.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.installers.entity.Installer;
import org.jumpdesk.jumpclients.control.StatisticsSql;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientEvent;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpclients.entity.MachineStatistics;
import org.jumpdesk.jumpgroups.control.JumpGroupNames;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.licensing.control.LicenseGuard;
import org.jumpdesk.licensing.control.LicenseGuard.Usage;
import org.jumpdesk.pinning.control.PinLedger;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Texts;

/**
 * Use cases on Jump Clients. Each public method is one JTA transaction: the state change, the license
 * count and the audit row commit together or not at all. Refusals carry a catalogue code and are audited
 * in their own transaction by {@code AuditedUseCase}.
 *
 * <p>Console users act only on clients in Jump Groups they can see; any other client is
 * {@code JC_NOT_FOUND}, exactly like a deleted one, so nothing leaks about its existence. Changes lock the
 * client's row, so two consoles acting at once are served one after the other.
 */
@Stateless
@AuditedAs
public class JumpClients {

    /** What a registering agent signs its challenge for (a connected agent signs for its client id). */
    public static final String REGISTER_PURPOSE = "register";

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroupNames groupNames;

    @EJB
    private LicenseGuard licenseGuard;

    @EJB
    private InstallerKeys installerKeys;

    @EJB
    private PinLedger pinLedger;

    @EJB
    private AgentRelease agentRelease;

    @EJB
    private Settings settings;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Event<JumpClientChanged> changes;

    @Inject
    private Clock clock;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    /**
     * A machine registers with an installer key: the client is created {@code PINNED} in the installer's
     * group, with its tag, comments and modes, or the overrides the installer allows.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INSTALLER_INVALID} (unknown, expired, revoked),
     *     {@code OVERRIDE_NOT_ALLOWED} naming the parameter, {@code INVALID_INPUT} for an unknown group,
     *     {@code JC_LIMIT_DEPLOYED}
     */
    @AuditedAs("jump-client.register")
    public RegisteredClient register(
            String installerKey, @NotNull @Valid Registration registration, @NotNull @Valid AgentProof proof) {
        Instant now = clock.instant();
        if (!AgentAuthentication.isPublicKey(registration.publicKey())
                || !proof.verifies(registration.publicKey(), REGISTER_PURPOSE)) {
            throw JumpDeskStatus.AGENT_AUTHENTICATION_FAILED.exception("the registration is not signed by its key");
        }
        Installer installer = installerKeys.usable(installerKey, now);
        Installer.Template template = installer.template();
        JumpGroup group = template.jumpGroup();
        if (overrides(registration.jumpGroup(), group.name(), template.overrideJumpGroup(), "--jc-jump-group")) {
            group = groupNames.existing(registration.jumpGroup());
        }
        String tag = overrides(registration.tag(), template.tag(), template.overrideTag(), "--jc-tag")
                ? registration.tag()
                : template.tag();
        String comments =
                overrides(registration.comments(), template.comments(), template.overrideComments(), "--jc-comments")
                        ? registration.comments()
                        : template.comments();
        licenseGuard.account(Usage.NONE, new Usage(true, false), JumpDeskStatus.JC_LIMIT_ACTIVE);
        String actor = Actor.installer(installer.id()).name();
        JumpClient client = JumpClient.pinned(
                UUID.randomUUID(),
                registration.agent(),
                new JumpClient.Placement(group, tag, comments, template.mode(), template.installMode()),
                registration.publicKey(),
                installer.id(),
                actor,
                now);
        entityManager.persist(client);
        installer.countUse();
        pinLedger.registered(installer.id(), client.id(), client.name());
        auditTrail.record(
                actor,
                "jump-client.register",
                client.id().toString(),
                registration.agent().hostname());
        changes.fire(new JumpClientChanged(client.id(), "jump-client.register"));
        return new RegisteredClient(client.id(), client.mode());
    }

    /**
     * A registered agent has connected (active) or checked in (passive). At its first contact a
     * {@code PINNED} client becomes {@code ACTIVE} or {@code PASSIVE} according to its mode; later
     * contacts only refresh what the agent reports.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code AGENT_AUTHENTICATION_FAILED} when the proof does
     *     not verify under the client's key, {@code JC_NOT_FOUND} (deleted), {@code JC_UNINSTALLED},
     *     {@code JC_LIMIT_ACTIVE}
     */
    @AuditedAs("jump-client.connect")
    public JumpClientSummary agentConnected(
            UUID clientId, @NotNull @Valid AgentProof proof, @NotNull @Valid AgentDescription description) {
        JumpClient client = lockedAgentClient(clientId);
        if (!proof.verifies(client.publicKey(), clientId.toString())) {
            throw JumpDeskStatus.AGENT_AUTHENTICATION_FAILED.exception("bad signature for Jump Client " + clientId);
        }
        client.requireInstalled();
        client.describe(description, clock.instant());
        if (client.state() == JumpClientState.PINNED) {
            apply(
                    client,
                    client.mode() == JumpClientMode.ACTIVE
                            ? JumpClientEvent.CONNECTED_ACTIVE
                            : JumpClientEvent.CHECKED_IN_PASSIVE,
                    Actor.agent(clientId),
                    "jump-client.connect",
                    JumpDeskStatus.JC_LIMIT_ACTIVE);
        }
        return summary(client);
    }

    /**
     * Agents' statistics reports as a node collects them, written in one statement: a report per agent
     * every few minutes, and every agent's at once after a restart. Not a state change, so not audited; kept
     * to show in the console, and after an uninstall as the client's last known details.
     *
     * @return the clients whose report was not written (unknown, removed or uninstalled), for {@link
     *     #statisticsReported(UUID, MachineStatistics)} to refuse one by one
     */
    @AuditedAs("jump-client.statistics")
    public Set<UUID> statisticsReported(@NotNull Map<UUID, MachineStatistics> reports) {
        Set<UUID> written;
        try (Connection connection = dataSource.getConnection()) {
            written = StatisticsSql.write(connection, reports);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot record the statistics of " + reports.size() + " clients: " + e.getMessage(), e);
        }
        return reports.keySet().stream().filter(id -> !written.contains(id)).collect(Collectors.toSet());
    }

    /** One agent's statistics report; refused if its client is unknown, removed or uninstalled. */
    @AuditedAs("jump-client.statistics")
    public void statisticsReported(UUID clientId, @NotNull MachineStatistics statistics) {
        if (!statisticsReported(Map.of(clientId, statistics)).isEmpty()) {
            JumpClient client = lockedAgentClient(clientId);
            client.requireInstalled();
            client.recordStatistics(statistics);
        }
    }

    /** The agent was uninstalled on its machine: {@code UNINSTALLED}, still listed with its last details. */
    @AuditedAs("jump-client.uninstall")
    public void uninstalledByAgent(UUID clientId) {
        JumpClient client = lockedAgentClient(clientId);
        apply(client, JumpClientEvent.UNINSTALLED_BY_USER, Actor.agent(clientId), "jump-client.uninstall", null);
    }

    /**
     * Changes group, tag, comments and mode. Needs {@code MANAGE} in the client's group and in the group
     * it moves to. Passive to active needs a free active slot ({@code JC_ACTIVE_LIMIT_ON_SWITCH}).
     */
    @AuditedAs("jump-client.properties")
    public JumpClientSummary changeProperties(
            Actor actor, UUID clientId, @NotNull @Valid JumpClientProperties properties) {
        return summary(changed(actor, clientId, properties));
    }

    /**
     * {@link #changeProperties} for a caller that does not show the client afterwards (the console re-reads
     * its table): the same checks, change, audit row and errors, without the summary's reads of presence and
     * settings.
     */
    @AuditedAs("jump-client.properties")
    public void applyProperties(Actor actor, UUID clientId, @NotNull @Valid JumpClientProperties properties) {
        changed(actor, clientId, properties);
    }

    private JumpClient changed(Actor actor, UUID clientId, JumpClientProperties properties) {
        JumpClient client = lockedVisibleClient(actor, clientId, JumpGroupRole.MANAGE);
        client.requireInstalled();
        // Most changes keep the group: no need to look it up again.
        JumpGroup target = properties.jumpGroup().equals(client.jumpGroup().name())
                ? client.jumpGroup()
                : groupNames.existing(properties.jumpGroup());
        if (!target.id().equals(client.jumpGroup().id())
                && !permissions
                        .roleIn(actor, target.id())
                        .map(r -> r.includes(JumpGroupRole.MANAGE))
                        .orElse(false)) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(
                    actor.name() + " may not move clients into " + target.name());
        }
        client.changeProperties(target, Texts.blankToNull(properties.tag()), Texts.blankToNull(properties.comments()));
        auditTrail.record(actor.name(), "jump-client.properties", clientId.toString(), describe(properties));
        switchTo(actor, client, properties.mode());
        changes.fire(new JumpClientChanged(clientId, "jump-client.properties"));
        return client;
    }

    /** Switches between active and passive (needs {@code MANAGE}). */
    @AuditedAs("jump-client.switch-mode")
    public JumpClientSummary switchMode(Actor actor, UUID clientId, @NotNull JumpClientMode mode) {
        JumpClient client = lockedVisibleClient(actor, clientId, JumpGroupRole.MANAGE);
        client.requireInstalled();
        switchTo(actor, client, mode);
        return summary(client);
    }

    /**
     * Deletes the client from the console (needs {@code MANAGE}). Its row stays for the audit trail; the
     * agent uninstalls itself at its next contact.
     */
    @AuditedAs("jump-client.delete")
    public void delete(Actor actor, UUID clientId) {
        JumpClient client = lockedVisibleClient(actor, clientId, JumpGroupRole.MANAGE);
        apply(client, JumpClientEvent.DELETED, actor, "jump-client.delete", null);
    }

    /** Sets this client's own offline limit in days, or back to the site's with null (needs {@code MANAGE}). */
    @AuditedAs("jump-client.offline-limit")
    public void overrideOfflineLimit(Actor actor, UUID clientId, @Min(1) @Max(3650) Integer days) {
        JumpClient client = lockedVisibleClient(actor, clientId, JumpGroupRole.MANAGE);
        client.overrideOfflineLimit(days);
        auditTrail.record(
                actor.name(), "jump-client.offline-limit", clientId.toString(), Objects.toString(days, "site"));
    }

    /**
     * A representative starts a jump: checks the client can be jumped to by them and records who jumped
     * when. Reaching the agent is the session's business.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code JC_NOT_FOUND}, {@code PERMISSION_DENIED} (role
     *     below {@code JUMP}), {@code JC_UNINSTALLED}
     */
    @AuditedAs("jump-client.jump")
    public JumpClientSummary startJump(Actor actor, UUID clientId) {
        return summary(jumpTo(actor, clientId));
    }

    /**
     * {@link #startJump} on a jump's way to the agent: the same checks, record and errors, answering only
     * the client's state (a summary reads presence and settings the jump does not need).
     */
    @AuditedAs("jump-client.jump")
    public JumpClientState startJumpForSession(Actor actor, UUID clientId) {
        return jumpTo(actor, clientId).state();
    }

    private JumpClient jumpTo(Actor actor, UUID clientId) {
        JumpClient client = lockedVisibleClient(actor, clientId, JumpGroupRole.JUMP);
        client.requireInstalled();
        if (!agentRelease.isCurrent(client.agentVersion())) {
            // The agent is offered the release whenever it connects; a jump waits for the update.
            throw JumpDeskStatus.VERSION_MISMATCH.exception("Jump Client " + clientId + " runs " + client.agentVersion()
                    + ", the site " + agentRelease.current().orElseThrow().version());
        }
        client.recordJump(actor.name(), clock.instant());
        auditTrail.record(actor.name(), "jump-client.jump", clientId.toString(), null);
        return client;
    }

    /** One client the actor can see. */
    public JumpClientSummary details(Actor actor, UUID clientId) {
        return summary(visible(actor, clientId, JumpGroupRole.VIEW, entityManager.find(JumpClient.class, clientId)));
    }

    /** The clients the actor can see, most recently contacted first. */
    public List<JumpClientSummary> list(Actor actor, int first, int max) {
        Map<Long, JumpGroupRole> roles = permissions.rolesOf(actor);
        if (roles.isEmpty()) {
            return List.of();
        }
        return summaries(entityManager
                .createQuery(
                        "SELECT c FROM JumpClient c WHERE c.deletedAt IS NULL AND c.jumpGroup.id IN :groups"
                                + " ORDER BY c.lastContactAt DESC, c.id",
                        JumpClient.class)
                .setParameter("groups", roles.keySet())
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList());
    }

    /** How many clients the actor can see. */
    public long count(Actor actor) {
        Map<Long, JumpGroupRole> roles = permissions.rolesOf(actor);
        if (roles.isEmpty()) {
            return 0;
        }
        return entityManager
                .createQuery(
                        "SELECT COUNT(c) FROM JumpClient c WHERE c.deletedAt IS NULL AND c.jumpGroup.id IN :groups",
                        Long.class)
                .setParameter("groups", roles.keySet())
                .getSingleResult();
    }

    /**
     * Uninstalls and removes every client whose last contact is older than its offline limit (its own, or
     * the site's) and that is not connected now (the last contact of a connected client is in its
     * {@code agent_connection} row). Run by {@code OfflineLimitSweep}; safe to run on several nodes at once.
     *
     * @param now the time to judge by (the timer passes the clock's; tests pass any)
     * @return how many clients were removed
     */
    @AuditedAs("jump-client.offline-limit-reached")
    public int removeOfflineBeyondLimit(@NotNull Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> due = entityManager
                .createNativeQuery("SELECT id FROM jump_client c WHERE deleted_at IS NULL AND last_contact_at"
                        + " + make_interval(days => coalesce(offline_limit_days, ?1)) < ?2"
                        // Connected now, so not offline, however long ago it connected.
                        + " AND NOT EXISTS (SELECT 1 FROM agent_connection a WHERE a.client_id = c.id)"
                        + " ORDER BY last_contact_at LIMIT 1000")
                .setParameter(1, settings.current().offlineLimitDays())
                .setParameter(2, Timestamp.from(now))
                .getResultList();
        int removed = 0;
        for (Object id : due) {
            JumpClient client = entityManager.find(JumpClient.class, toUuid(id), LockModeType.PESSIMISTIC_WRITE);
            if (!client.removed()) {
                apply(
                        client,
                        JumpClientEvent.OFFLINE_LIMIT_REACHED,
                        Actor.SYSTEM,
                        "jump-client.offline-limit-reached",
                        null);
                removed++;
            }
        }
        return removed;
    }

    private void switchTo(Actor actor, JumpClient client, JumpClientMode mode) {
        if (mode == client.mode()) {
            return;
        }
        if (client.state() == JumpClientState.PINNED) {
            client.preferMode(mode);
            auditTrail.record(
                    actor.name(), "jump-client.switch-mode", client.id().toString(), "mode " + mode);
            return;
        }
        apply(
                client,
                mode == JumpClientMode.ACTIVE
                        ? JumpClientEvent.SWITCHED_TO_ACTIVE
                        : JumpClientEvent.SWITCHED_TO_PASSIVE,
                actor,
                "jump-client.switch-mode",
                JumpDeskStatus.JC_ACTIVE_LIMIT_ON_SWITCH);
    }

    /** Applies a state-machine event: license counts, the audit row and the post-commit event with it. */
    private void apply(
            JumpClient client, JumpClientEvent event, Actor actor, String action, JumpDeskStatus activeRefusal) {
        Usage before = usage(client);
        JumpClientState from = client.apply(event, actor.name(), clock.instant());
        licenseGuard.account(before, usage(client), activeRefusal);
        auditTrail.record(
                actor.name(),
                action,
                client.id().toString(),
                from + " -> " + client.state() + (client.removed() ? ", removed" : ""));
        changes.fire(new JumpClientChanged(client.id(), action));
    }

    private static Usage usage(JumpClient client) {
        boolean listed = !client.removed();
        return new Usage(listed && client.state().deployed(), listed && client.state() == JumpClientState.ACTIVE);
    }

    private JumpClient lockedAgentClient(UUID clientId) {
        JumpClient client = entityManager.find(JumpClient.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("no Jump Client " + clientId);
        }
        client.requireListed();
        return client;
    }

    private JumpClient lockedVisibleClient(Actor actor, UUID clientId, JumpGroupRole needed) {
        return visible(
                actor,
                clientId,
                needed,
                entityManager
                        .createNamedQuery(JumpClient.LOCKED, JumpClient.class)
                        .setParameter("id", clientId)
                        .getResultStream()
                        .findFirst()
                        .orElse(null));
    }

    private JumpClient visible(Actor actor, UUID clientId, JumpGroupRole needed, JumpClient client) {
        JumpGroupRole role = client == null || client.removed()
                ? null
                : permissions.roleIn(actor, client.jumpGroup().id()).orElse(null);
        if (role == null) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("no Jump Client " + clientId + " visible to " + actor.name());
        }
        if (!role.includes(needed)) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " has " + role + ", needs " + needed);
        }
        return client;
    }

    private JumpClientSummary summary(JumpClient client) {
        return summaries(List.of(client)).get(0);
    }

    private List<JumpClientSummary> summaries(List<JumpClient> clients) {
        return JumpClientSummary.of(clients, dataSource, settings.current().offlineLimitDays());
    }

    /** Whether an install-time value replaces the installer's; refuses it when the installer forbids that. */
    private static boolean overrides(String requested, String installerValue, boolean allowed, String parameter) {
        if (requested == null || requested.equals(installerValue)) {
            return false;
        }
        if (!allowed) {
            throw JumpDeskStatus.OVERRIDE_NOT_ALLOWED.exception(
                    parameter + ": this installer does not allow changing it");
        }
        return true;
    }

    private static String describe(JumpClientProperties properties) {
        return "group " + properties.jumpGroup() + ", tag " + properties.tag() + ", mode " + properties.mode();
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
