package org.jumpdesk.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The directory that keeps a launched site's state between runs ({@code JUMPDESK_HOME}, by default
 * {@code ~/.jumpdesk}): the embedded database, the TLS key the agents pin, and the first administrator's
 * password. Secrets are files readable by the owner only.
 */
final class SiteHome {

    static final String KEY_ALIAS = "jumpdesk";

    private final Path root;

    SiteHome(Path root) {
        this.root = root;
    }

    static SiteHome fromEnvironment() {
        String configured = System.getenv("JUMPDESK_HOME");
        return new SiteHome(
                configured == null || configured.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".jumpdesk")
                        : Path.of(configured));
    }

    Path root() {
        return root;
    }

    Path databaseDirectory() {
        return root.resolve("postgres");
    }

    Path keyStore() {
        return root.resolve("tls").resolve("site.p12");
    }

    /** The first administrator's password, generated on the first run. */
    String initialAdminPassword() throws IOException {
        return secret(root.resolve("initial-admin-password"), 16);
    }

    String keyStorePassword() throws IOException {
        return secret(root.resolve("tls").resolve("keystore-password"), 24);
    }

    /** Makes the site's self-signed TLS key on the first run; later runs keep it, so agents can pin it. */
    void ensureKeyStore(String hostname) throws IOException, InterruptedException {
        if (Files.exists(keyStore())) {
            return;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        KEY_ALIAS,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-sigalg",
                        "SHA256withECDSA",
                        "-validity",
                        "3650",
                        "-dname",
                        "CN=" + hostname + ", O=JumpDesk site",
                        "-ext",
                        "SAN=dns:" + hostname + ",dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore().toString(),
                        "-storepass",
                        keyStorePassword()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            Files.deleteIfExists(keyStore());
            throw new IOException("keytool could not create " + keyStore() + ": " + output);
        }
        restrictToOwner(keyStore());
    }

    /** SHA-256 fingerprint of the site certificate, as agents pin it. */
    String certificateFingerprint() throws IOException {
        try (var in = Files.newInputStream(keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keyStorePassword().toCharArray());
            Certificate certificate = store.getCertificate(KEY_ALIAS);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + keyStore() + ": " + e.getMessage(), e);
        }
    }

    private static String secret(Path file, int length) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        Files.createDirectories(file.getParent());
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.writeString(file, value, StandardCharsets.US_ASCII);
        restrictToOwner(file);
        return value.toString();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile directory is already private.
        }
    }
}
