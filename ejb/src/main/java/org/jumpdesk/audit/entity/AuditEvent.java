package org.jumpdesk.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit trail. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String detail;

    /**
     * Place in the hash chain, hash of the predecessor and of this row: null when written, set by the
     * database's sealer (AuditSealing) within a second of the commit.
     */
    @Column(name = "chain_seq", insertable = false, updatable = false)
    private Long chainSequence;

    @Column(name = "previous_hash", insertable = false, updatable = false)
    private String previousHash;

    @Column(insertable = false, updatable = false)
    private String hash;

    protected AuditEvent() {}

    public AuditEvent(Instant occurredAt, String actor, String action, String target, String outcome, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public Long chainSequence() {
        return chainSequence;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
