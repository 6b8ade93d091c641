package org.jumpdesk.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who logs in to the console or the admin portal. */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean administrator;

    @Column(nullable = false)
    private boolean enabled = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "personal_group_visibility", nullable = false)
    private PersonalGroupVisibility personalGroupVisibility = PersonalGroupVisibility.NONE;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConsoleUser() {}

    public ConsoleUser(String username, String passwordHash, boolean administrator, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.administrator = administrator;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean administrator() {
        return administrator;
    }

    public boolean enabled() {
        return enabled;
    }

    public PersonalGroupVisibility personalGroupVisibility() {
        return personalGroupVisibility;
    }

    public void allowToSeePersonalGroups(PersonalGroupVisibility visibility) {
        this.personalGroupVisibility = visibility;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** A disabled user can neither log in nor use API tokens; nothing of theirs is deleted. */
    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** An administrator set a temporary password: the user must choose their own at the next login. */
    public void resetPassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = true;
    }

    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /** The user chose a new password themselves. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }
}
