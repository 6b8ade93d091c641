package org.jumpdesk.jumpgroups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Jump Group: shared, or the personal group {@code user:<username>} of its owner. */
@Entity
@Table(name = "jump_group")
public class JumpGroup {

    /** Prefix of personal group names, as the installers' {@code --jc-jump-group user:<username>} uses it. */
    public static final String PERSONAL_PREFIX = "user:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String name;

    @Column(name = "owner_id", updatable = false)
    private Long ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected JumpGroup() {}

    private JumpGroup(String name, Long ownerId, Instant createdAt) {
        this.name = name;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    public static JumpGroup shared(String name, Instant now) {
        if (name.startsWith(PERSONAL_PREFIX)) {
            throw new IllegalArgumentException("shared group names must not start with " + PERSONAL_PREFIX);
        }
        return new JumpGroup(name, null, now);
    }

    public static JumpGroup personal(String username, long ownerId, Instant now) {
        return new JumpGroup(PERSONAL_PREFIX + username, ownerId, now);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean personal() {
        return ownerId != null;
    }

    public Long ownerId() {
        return ownerId;
    }
}
