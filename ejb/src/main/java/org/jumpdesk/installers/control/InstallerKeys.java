package org.jumpdesk.installers.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import org.jumpdesk.installers.entity.Installer;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Secrets;

/** Installer keys: made at random, stored only as their SHA-256, looked up by it. */
@Stateless
public class InstallerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789abcdefghijkmnpqrstuvwxyz";

    @PersistenceContext
    private EntityManager entityManager;

    /** A new key: 46 characters from a 34-letter alphabet, about 234 bits, like the guide's KEY_INFO. */
    public static String newKey() {
        StringBuilder key = new StringBuilder(46);
        for (int i = 0; i < 46; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    public static String hash(String key) {
        return Secrets.sha256Hex(key);
    }

    /**
     * The installer with this key, if it may register clients now, locked until the caller's transaction
     * ends (registering counts a use of it).
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INSTALLER_INVALID} when unknown, expired or revoked
     */
    public Installer usable(String key, Instant now) {
        String keyHash = hash(key == null ? "" : key);
        // Machines rolled out with one installer register at once: each counts a use, one after another.
        // FOR NO KEY UPDATE, not JPA's FOR UPDATE: the foreign-key checks of connecting clients of this
        // installer take KEY SHARE on its row while holding the license row, and FOR UPDATE would make
        // each registration and such a connection wait for each other (a deadlock).
        entityManager
                .createNativeQuery("SELECT id FROM installer WHERE key_hash = ? FOR NO KEY UPDATE")
                .setParameter(1, keyHash)
                .getResultList();
        Installer installer = entityManager
                .createQuery("SELECT i FROM Installer i WHERE i.keyHash = :hash", Installer.class)
                .setParameter("hash", keyHash)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> JumpDeskStatus.INSTALLER_INVALID.exception("unknown installer key"));
        if (installer.revokedAt() != null) {
            throw JumpDeskStatus.INSTALLER_INVALID.exception("installer " + installer.id() + " was revoked");
        }
        if (!installer.usableAt(now)) {
            throw JumpDeskStatus.INSTALLER_INVALID.exception(
                    "installer " + installer.id() + " expired at " + installer.validUntil());
        }
        return installer;
    }
}
