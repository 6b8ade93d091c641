package org.jumpdesk.jumpclients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.platform.NullableUuidConverter;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * A Jump Client as the site knows it. Guards its own state machine: every change of state goes through
 * {@link #apply(JumpClientEvent, String, Instant)}, which follows the rule table of {@link JumpClientEvent}.
 */
@Entity
@Table(name = "jump_client")
@NamedQuery(
        name = JumpClient.LOCKED,
        query = "SELECT c FROM JumpClient c WHERE c.id = :id",
        hints = @QueryHint(name = "eclipselink.pessimistic-lock", value = "Lock"))
public class JumpClient {

    /**
     * The client by id with its row locked ({@code SELECT … FOR UPDATE}, {@code :id}), as {@code find} with
     * {@code PESSIMISTIC_WRITE}, whose SQL EclipseLink builds again on every call. So does a named query's
     * {@code lockMode}, applied to each query made from it; EclipseLink's own lock hint is applied once, to
     * the query it prepares at deployment.
     */
    public static final String LOCKED = "JumpClient.locked";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String hostname;

    @Column(name = "operating_system", nullable = false)
    private String operatingSystem;

    @Column(name = "agent_version", nullable = false)
    private String agentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JumpClientState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JumpClientMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "install_mode", nullable = false)
    private InstallMode installMode;

    @ManyToOne(optional = false)
    @JoinColumn(name = "jump_group_id")
    private JumpGroup jumpGroup;

    private String tag;

    private String comments;

    @Embedded
    private MachineStatistics statistics = MachineStatistics.NONE;

    @Column(name = "public_key", updatable = false)
    private String publicKey;

    /** Null for a client pinned without an installer. */
    @Column(name = "installer_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID installerId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_contact_at", nullable = false)
    private Instant lastContactAt;

    @Column(name = "last_jumped_by")
    private String lastJumpedBy;

    @Column(name = "last_jumped_at")
    private Instant lastJumpedAt;

    @Column(name = "offline_limit_days")
    private Integer offlineLimitDays;

    @Column(name = "uninstalled_at")
    private Instant uninstalledAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected JumpClient() {}

    /** The settings a new client starts with, from its installer (with allowed overrides) or a pin. */
    public record Placement(
            JumpGroup jumpGroup, String tag, String comments, JumpClientMode mode, InstallMode installMode) {

        public Placement {
            Objects.requireNonNull(jumpGroup, "jumpGroup");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(installMode, "installMode");
        }
    }

    /** A client that has just registered: {@link JumpClientState#PINNED}. */
    public static JumpClient pinned(
            UUID id,
            AgentDescription description,
            Placement placement,
            String publicKey,
            UUID installerId,
            String createdBy,
            Instant now) {
        JumpClient client = new JumpClient();
        client.publicKey = publicKey;
        client.id = Objects.requireNonNull(id);
        client.state = JumpClientState.PINNED;
        client.name = description.hostname();
        client.jumpGroup = placement.jumpGroup();
        client.tag = placement.tag();
        client.comments = placement.comments();
        client.mode = placement.mode();
        client.installMode = placement.installMode();
        client.installerId = installerId;
        client.createdBy = createdBy;
        client.createdAt = now;
        client.describe(description, now);
        return client;
    }

    /** Records what the agent reported about itself at a contact. */
    public final void describe(AgentDescription description, Instant now) {
        this.hostname = description.hostname();
        this.operatingSystem = description.operatingSystem();
        this.agentVersion = description.agentVersion();
        this.lastContactAt = now;
    }

    /** Keeps the statistics the agent reported last. */
    public void recordStatistics(MachineStatistics reported) {
        this.statistics = reported;
    }

    /**
     * Applies an event of the state machine.
     *
     * @return the state before the event
     * @throws org.jumpdesk.shared.JumpDeskException {@code JC_NOT_FOUND} for a removed client,
     *     {@code JC_UNINSTALLED} for an event an uninstalled client cannot take, {@code INVALID_INPUT} for
     *     any other event the rule table does not allow in the current state
     */
    public JumpClientState apply(JumpClientEvent event, String actor, Instant now) {
        requireListed();
        JumpClientState from = state;
        JumpClientState to = event.target(from).orElseThrow(() -> (from == JumpClientState.UNINSTALLED
                        ? JumpDeskStatus.JC_UNINSTALLED
                        : JumpDeskStatus.INVALID_INPUT)
                .exception("Jump Client " + id + " cannot take " + event + " while " + from));
        state = to;
        if (to == JumpClientState.UNINSTALLED && from != JumpClientState.UNINSTALLED) {
            uninstalledAt = now;
        }
        if (to == JumpClientState.ACTIVE) {
            mode = JumpClientMode.ACTIVE;
        } else if (to == JumpClientState.PASSIVE) {
            mode = JumpClientMode.PASSIVE;
        }
        if (event.removes()) {
            deletedAt = now;
            deletedBy = actor;
        }
        return from;
    }

    /** Refuses with {@code JC_NOT_FOUND} once the client was removed from the console. */
    public void requireListed() {
        if (removed()) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("Jump Client " + id + " was removed");
        }
    }

    /** Refuses with {@code JC_UNINSTALLED} (or {@code JC_NOT_FOUND}) unless the client can still be used. */
    public void requireInstalled() {
        requireListed();
        if (state == JumpClientState.UNINSTALLED) {
            throw JumpDeskStatus.JC_UNINSTALLED.exception("Jump Client " + id + " was uninstalled");
        }
    }

    /** Group, tag and comments as a representative set them. */
    public void changeProperties(JumpGroup group, String tag, String comments) {
        requireInstalled();
        this.jumpGroup = Objects.requireNonNull(group);
        this.tag = tag;
        this.comments = comments;
    }

    /** The mode a client that has not connected yet will take at its first contact. */
    public void preferMode(JumpClientMode mode) {
        requireInstalled();
        this.mode = mode;
    }

    /** A per-client offline limit in days, or null for the site's. */
    public void overrideOfflineLimit(Integer days) {
        requireListed();
        this.offlineLimitDays = days;
    }

    public void recordJump(String representative, Instant now) {
        this.lastJumpedBy = representative;
        this.lastJumpedAt = now;
    }

    /** How long the client may stay offline before it is uninstalled and removed: its own limit or the site's. */
    public Duration offlineLimit(int siteOfflineLimitDays) {
        return Duration.ofDays(offlineLimitDays == null ? siteOfflineLimitDays : offlineLimitDays);
    }

    public boolean removed() {
        return deletedAt != null;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String hostname() {
        return hostname;
    }

    public String operatingSystem() {
        return operatingSystem;
    }

    public String agentVersion() {
        return agentVersion;
    }

    public JumpClientState state() {
        return state;
    }

    public JumpClientMode mode() {
        return mode;
    }

    public InstallMode installMode() {
        return installMode;
    }

    public JumpGroup jumpGroup() {
        return jumpGroup;
    }

    public String tag() {
        return tag;
    }

    public String comments() {
        return comments;
    }

    public String createdBy() {
        return createdBy;
    }

    public MachineStatistics statistics() {
        return statistics == null ? MachineStatistics.NONE : statistics;
    }

    /** The agent's Ed25519 public key (X.509, Base64); null only for clients older than agent keys. */
    public String publicKey() {
        return publicKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The last contact as this row knows it; while connected, the presence row holds a later one. */
    public Instant lastContactAt() {
        return lastContactAt;
    }

    public String lastJumpedBy() {
        return lastJumpedBy;
    }

    public Instant lastJumpedAt() {
        return lastJumpedAt;
    }

    public Integer offlineLimitDays() {
        return offlineLimitDays;
    }

    public Instant uninstalledAt() {
        return uninstalledAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
