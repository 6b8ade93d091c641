package org.jumpdesk.apitokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.users.entity.ConsoleUser;

/** An API token. Only the SHA-256 of its secret is stored; the secret is shown once, at creation. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    private UUID id;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id", updatable = false)
    private ConsoleUser owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ApiTokenScope scope;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {}

    public ApiToken(
            UUID id,
            String tokenHash,
            String name,
            ConsoleUser owner,
            ApiTokenScope scope,
            String createdBy,
            Instant createdAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.name = name;
        this.owner = owner;
        this.scope = scope;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A revoked token stays revoked; revoking it again changes nothing. */
    public void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    /** Whether requests may authenticate with it: not revoked, and its owner may still log in. */
    public boolean usable() {
        return revokedAt == null && owner.enabled();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ConsoleUser owner() {
        return owner;
    }

    public ApiTokenScope scope() {
        return scope;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
