package org.jumpdesk.agentsoftware.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.logging.Logger;

/**
 * The Jump Client jar this site was built with (module {@code agent-release}): its version, its SHA-256
 * and its bytes. Every node carries the same jar, so any node can serve it. A site built without it
 * (unit tests) has no release and offers no updates.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Reads only what it loaded at start: a caller without a transaction (the agent endpoint, at every hello)
// must not have one begun and committed for it (7 % of the server's samples in a reconnect storm's profile).
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AgentRelease {

    /** Where {@code agent-release} puts the agent jar. */
    static final String RESOURCE = "/org/jumpdesk/release/jump-client.jar";

    private static final Logger LOG = Logger.getLogger(AgentRelease.class.getName());

    /**
     * @param version the agent's {@code Implementation-Version}
     * @param sha256 lower-case hex digest of the jar
     */
    public record Release(String version, String sha256, int size) {}

    private byte[] jar;
    private Release release;

    @PostConstruct
    void load() {
        try (InputStream in = AgentRelease.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warning("no agent release bundled (" + RESOURCE + "): agents will not be offered updates");
                return;
            }
            jar = in.readAllBytes();
            release = new Release(versionOf(jar), HexFormat.of().formatHex(sha256(jar)), jar.length);
            LOG.info(() -> "agent release " + release.version() + " (SHA-256 " + release.sha256() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled agent release", e);
        }
    }

    public Optional<Release> current() {
        return Optional.ofNullable(release);
    }

    /** The jar's bytes, for downloads and installers. */
    public InputStream open() {
        if (jar == null) {
            throw new IllegalStateException("no agent release bundled");
        }
        return new ByteArrayInputStream(jar);
    }

    /** Whether an agent reporting this version runs the release (true when there is none to compare). */
    public boolean isCurrent(String agentVersion) {
        return release == null || release.version().equals(agentVersion);
    }

    private static String versionOf(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            String version = manifest == null
                    ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            if (version == null) {
                throw new IOException("the agent jar has no Implementation-Version");
            }
            return version;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
