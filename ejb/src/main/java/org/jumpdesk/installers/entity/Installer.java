package org.jumpdesk.installers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpgroups.entity.JumpGroup;

/** An installer. Only the SHA-256 of its key is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "installer")
public class Installer {

    @Id
    private UUID id;

    @Column(name = "key_hash", nullable = false, unique = true, updatable = false)
    private String keyHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "jump_group_id")
    private JumpGroup jumpGroup;

    private String tag;

    private String comments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JumpClientMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "install_mode", nullable = false)
    private InstallMode installMode;

    @Column(name = "override_jump_group", nullable = false)
    private boolean overrideJumpGroup;

    @Column(name = "override_tag", nullable = false)
    private boolean overrideTag;

    @Column(name = "override_comments", nullable = false)
    private boolean overrideComments;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(nullable = false)
    private int uses;

    /** How many machines may register with it; null for any number (a pin's installer registers one). */
    @Column(name = "max_uses")
    private Integer maxUses;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Installer() {}

    /** What an installer puts into the clients it registers, and which of it install-time values may change. */
    public record Template(
            JumpGroup jumpGroup,
            String tag,
            String comments,
            JumpClientMode mode,
            InstallMode installMode,
            boolean overrideJumpGroup,
            boolean overrideTag,
            boolean overrideComments) {}

    public Installer(UUID id, String keyHash, Template template, Instant validUntil, String createdBy, Instant now) {
        this.id = id;
        this.keyHash = keyHash;
        this.jumpGroup = template.jumpGroup();
        this.tag = template.tag();
        this.comments = template.comments();
        this.mode = template.mode();
        this.installMode = template.installMode();
        this.overrideJumpGroup = template.overrideJumpGroup();
        this.overrideTag = template.overrideTag();
        this.overrideComments = template.overrideComments();
        this.validUntil = validUntil;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(validUntil) && !spent();
    }

    /** Whether it registered as many machines as it may. */
    public boolean spent() {
        return maxUses != null && uses >= maxUses;
    }

    /** Limits it to this many registrations (a pin's installer: one). */
    public Installer limitedTo(int registrations) {
        this.maxUses = registrations;
        return this;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void countUse() {
        uses++;
    }

    public Template template() {
        return new Template(
                jumpGroup, tag, comments, mode, installMode, overrideJumpGroup, overrideTag, overrideComments);
    }

    public UUID id() {
        return id;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public int uses() {
        return uses;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
