package org.jumpdesk.jumpclients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Jump Client as the site knows it. Guards its own state machine: every change of state goes through
 * {@link #moveTo(JumpClientState, Instant)}.
 */
@Entity
@Table(name = "jump_client")
public class JumpClient {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String hostname;

    @Column(name = "operating_system", nullable = false)
    private String operatingSystem;

    @Column(name = "agent_version", nullable = false)
    private String agentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JumpClientState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_contact_at", nullable = false)
    private Instant lastContactAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected JumpClient() {}

    private JumpClient(UUID id, AgentDescription description, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.state = JumpClientState.PINNED;
        this.createdAt = now;
        describe(description, now);
    }

    /** A client that has just registered: {@link JumpClientState#PINNED}. */
    public static JumpClient pinned(UUID id, AgentDescription description, Instant now) {
        return new JumpClient(id, description, now);
    }

    /** Records what the agent reported about itself at a contact. */
    public final void describe(AgentDescription description, Instant now) {
        this.hostname = description.hostname();
        this.operatingSystem = description.operatingSystem();
        this.agentVersion = description.agentVersion();
        this.lastContactAt = now;
    }

    /**
     * Moves to another state.
     *
     * @throws IllegalStateException if the state machine does not allow the move
     */
    public void moveTo(JumpClientState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("Jump Client " + id + " cannot move from " + state + " to " + target);
        }
        this.state = target;
        this.lastContactAt = now;
    }

    public UUID id() {
        return id;
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }
}
