package org.jumpdesk.agentsoftware.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.agentsoftware.boundary.AgentRelease.Release;
import org.jumpdesk.agentsoftware.control.SiteSigningKey;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.protocol.ReleaseSignature;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;

/**
 * Brings agents to the site's release. An agent that reports another version is offered the release
 * while fewer than {@code max_concurrent_upgrades} agents are updating site-wide (counted in
 * {@code agent_upgrade}, under a transaction-scoped advisory lock so nodes agree); it is updating until it
 * comes back with the release, or for at most {@link #UPGRADE_WINDOW}.
 */
@Stateless
public class AgentUpdates {

    /** How long an offered upgrade counts against the limit if the agent never comes back. */
    public static final Duration UPGRADE_WINDOW = Duration.ofMinutes(10);

    /** Where the site serves the release jar (the web module maps it). */
    public static final String DOWNLOAD_PATH = "/agent-software/jump-client.jar";

    private static final long UPGRADE_LOCK = 0x4A44_5550_4752_4144L; // "JDUPGRAD"

    /**
     * What the agent is told.
     *
     * @param signature the site's Ed25519 signature over version and digest
     */
    public record Offer(String version, String sha256, String signature) {}

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private AgentRelease release;

    @EJB
    private SiteSigningKey signingKey;

    @EJB
    private Settings settings;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /** How many agents are updating now (offered within the upgrade window and not back yet). */
    public long updating() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM agent_upgrade WHERE offered_at > ?")
                        .setParameter(1, Timestamp.from(clock.instant().minus(UPGRADE_WINDOW)))
                        .getSingleResult())
                .longValue();
    }

    /** The key agents check releases with. */
    public String siteKey() {
        return signingKey.publicKey();
    }

    /**
     * An agent connected or reported with its running version: nothing to do when it runs the release
     * (and an upgrade it was doing is complete); otherwise an offer, if a slot is free.
     */
    public Optional<Offer> offerFor(UUID clientId, String runningVersion) {
        Optional<Release> current = release.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Release target = current.get();
        if (target.version().equals(runningVersion)) {
            int finished = entityManager
                    .createNativeQuery("DELETE FROM agent_upgrade WHERE client_id = ?::uuid")
                    .setParameter(1, clientId.toString())
                    .executeUpdate();
            if (finished > 0) {
                auditTrail.record(
                        Actor.agent(clientId).name(), "jump-client.updated", clientId.toString(), runningVersion);
            }
            return Optional.empty();
        }
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(UPGRADE_WINDOW));
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(?)")
                .setParameter(1, UPGRADE_LOCK)
                .getSingleResult();
        boolean alreadyUpdating = ((Number) entityManager
                                .createNativeQuery(
                                        "SELECT count(*) FROM agent_upgrade WHERE client_id = ?::uuid AND offered_at > ?")
                                .setParameter(1, clientId.toString())
                                .setParameter(2, windowStart)
                                .getSingleResult())
                        .longValue()
                > 0;
        if (!alreadyUpdating) {
            if (updating() >= settings.current().maxConcurrentUpgrades()) {
                return Optional.empty();
            }
            entityManager
                    .createNativeQuery("INSERT INTO agent_upgrade (client_id, from_version, to_version, offered_at)"
                            + " VALUES (?::uuid, ?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET"
                            + " from_version = EXCLUDED.from_version, to_version = EXCLUDED.to_version,"
                            + " offered_at = EXCLUDED.offered_at")
                    .setParameter(1, clientId.toString())
                    .setParameter(2, runningVersion)
                    .setParameter(3, target.version())
                    .setParameter(4, Timestamp.from(now))
                    .executeUpdate();
            auditTrail.record(
                    Actor.agent(clientId).name(),
                    "jump-client.update-offered",
                    clientId.toString(),
                    runningVersion + " -> " + target.version());
        }
        return Optional.of(new Offer(
                target.version(),
                target.sha256(),
                ReleaseSignature.sign(signingKey.privateKey(), target.version(), target.sha256())));
    }
}
