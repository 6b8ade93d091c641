package org.jumpdesk.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.HttpsURLConnection;
import org.jumpdesk.protocol.ReleaseSignature;
import org.jumpdesk.protocol.UpdateAvailable;

/**
 * Brings the agent to the site's release: checks the offer's signature with the site key the agent was
 * given at its first welcome, downloads the jar from the site it is connected to (over the same pinned
 * certificate), checks its SHA-256, and stages it beside the running jar for {@link AgentBoot} to swap
 * in. Anything that does not check out leaves the running agent as it is.
 */
final class SelfUpdate {

    private static final Logger LOG = Logger.getLogger(SelfUpdate.class.getName());
    private static final String SITE_KEY_FILE = "site-release.key";
    private static final long MAX_JAR_BYTES = 256L * 1024 * 1024;

    private final Path stateDirectory;
    private final Path jar;
    private final byte[] certificateFingerprint;
    private final Duration connectTimeout;

    /**
     * @param jar the running agent's jar, or null when the agent did not start from one (no updates)
     */
    SelfUpdate(Path stateDirectory, Path jar, byte[] certificateFingerprint, Duration connectTimeout) {
        this.stateDirectory = stateDirectory;
        this.jar = jar;
        this.certificateFingerprint = certificateFingerprint;
        this.connectTimeout = connectTimeout;
    }

    /** The agent as started by {@link AgentBoot}. */
    static SelfUpdate forThisProcess(AgentOptions options) {
        String jar = System.getProperty(AgentBoot.JAR_PROPERTY);
        return new SelfUpdate(
                options.stateDirectory(),
                jar == null ? null : Path.of(jar),
                options.certificateFingerprint(),
                options.connectTimeout());
    }

    /** Keeps the site's release key from the first welcome; later welcomes cannot replace it. */
    void trust(String siteKey) {
        Path file = stateDirectory.resolve(SITE_KEY_FILE);
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.writeString(file, siteKey, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warning(() -> "cannot keep the site's release key: " + e.getMessage());
        }
    }

    /**
     * Downloads and checks the offered release.
     *
     * @param agentEndpoint the {@code ws(s)://} address the agent is connected to; the jar comes from the
     *     same host over {@code http(s)}
     * @return whether the release is staged and the agent should restart; the reason otherwise
     */
    Optional<String> stage(UpdateAvailable update, URI agentEndpoint) {
        if (jar == null) {
            return Optional.of("not started from a jar, cannot update itself");
        }
        Optional<String> siteKey = siteKey();
        if (siteKey.isEmpty()) {
            return Optional.of("no release key from the site yet");
        }
        if (!ReleaseSignature.verify(siteKey.get(), update)) {
            return Optional.of("the offered release " + update.version() + " is not signed by the site's key");
        }
        Path download = jar.resolveSibling(jar.getFileName() + ".download");
        try {
            String digest = download(releaseAddress(agentEndpoint, update.path()), download);
            if (!digest.equals(update.sha256())) {
                Files.deleteIfExists(download);
                return Optional.of("the downloaded jar's SHA-256 " + digest + " is not the offered " + update.sha256());
            }
            Files.move(
                    download,
                    jar.resolveSibling(jar.getFileName() + AgentBoot.STAGED_SUFFIX),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return Optional.empty();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(download);
            } catch (IOException ignored) {
                // The next attempt overwrites it.
            }
            return Optional.of("cannot download the release: " + e.getMessage());
        }
    }

    private Optional<String> siteKey() {
        try {
            Path file = stateDirectory.resolve(SITE_KEY_FILE);
            return Files.exists(file)
                    ? Optional.of(
                            Files.readString(file, StandardCharsets.US_ASCII).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static URI releaseAddress(URI agentEndpoint, String path) {
        String scheme = agentEndpoint.getScheme().equalsIgnoreCase("wss") ? "https" : "http";
        return URI.create(scheme + "://" + agentEndpoint.getRawAuthority() + path);
    }

    /** Streams the jar to the file and returns its SHA-256. */
    private String download(URI address, Path target) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            // The pinned certificate stands in for host name checks, as on the WebSocket.
            https.setSSLSocketFactory(
                    PinnedCertificate.sslContext(certificateFingerprint).getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout(60_000);
        try {
            if (connection.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new IOException(address + " answered " + connection.getResponseCode());
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(connection.getInputStream(), sha256);
                    OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_JAR_BYTES) {
                        throw new IOException("the release is larger than " + MAX_JAR_BYTES + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        } finally {
            connection.disconnect();
        }
    }
}
