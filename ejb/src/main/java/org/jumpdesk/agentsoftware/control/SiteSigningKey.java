package org.jumpdesk.agentsoftware.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import org.jumpdesk.protocol.AgentAuthentication;

/**
 * The site's release-signing key pair, kept in the database so every node signs with the same key. The
 * first node that needs it makes it; a node racing it keeps the winner's ({@code ON CONFLICT DO NOTHING}).
 * The key never changes once made, so each node reads it once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SiteSigningKey {

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    private volatile Object[] cached;

    /** The public half, X.509 Base64, as agents keep it. */
    public String publicKey() {
        return (String) row()[0];
    }

    public PrivateKey privateKey() {
        try {
            return AgentAuthentication.privateKey((String) row()[1]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored site signing key is not an Ed25519 key", e);
        }
    }

    private Object[] row() {
        if (cached == null) {
            cached = readOrMake();
        }
        return cached;
    }

    private Object[] readOrMake() {
        var existing = entityManager
                .createNativeQuery("SELECT public_key, private_key FROM site_signing_key WHERE id = 1")
                .getResultList();
        if (!existing.isEmpty()) {
            return (Object[]) existing.get(0);
        }
        KeyPair made = AgentAuthentication.newKeyPair();
        entityManager
                .createNativeQuery("INSERT INTO site_signing_key (id, public_key, private_key, created_at)"
                        + " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, AgentAuthentication.encode(made.getPublic()))
                .setParameter(2, AgentAuthentication.encode(made.getPrivate()))
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        return (Object[]) entityManager
                .createNativeQuery("SELECT public_key, private_key FROM site_signing_key WHERE id = 1")
                .getSingleResult();
    }
}
