package org.jumpdesk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;

/**
 * Who this agent is: its Ed25519 key pair, made on this machine at the first start and never sent anywhere
 * but the public half; the Jump Client id the site gave it at registration; and the machine it runs on.
 * All kept in the state directory, the private key readable by the agent's account only.
 */
final class AgentIdentity {

    private static final String CLIENT_ID_FILE = "client-id";
    private static final String PRIVATE_KEY_FILE = "agent.key";
    private static final String PUBLIC_KEY_FILE = "agent.pub";

    private final Path stateDirectory;
    private final PrivateKey privateKey;
    private final String publicKey;
    private UUID clientId;

    private AgentIdentity(Path stateDirectory, PrivateKey privateKey, String publicKey, UUID clientId) {
        this.stateDirectory = stateDirectory;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.clientId = clientId;
    }

    /** Reads the identity from the state directory, making the key pair on the first start. */
    static AgentIdentity load(Path stateDirectory) {
        Path idFile = stateDirectory.resolve(CLIENT_ID_FILE);
        try {
            Files.createDirectories(stateDirectory);
            Path privateFile = stateDirectory.resolve(PRIVATE_KEY_FILE);
            Path publicFile = stateDirectory.resolve(PUBLIC_KEY_FILE);
            if (!Files.exists(privateFile)) {
                KeyPair pair = AgentAuthentication.newKeyPair();
                writeOwnerOnly(privateFile, AgentAuthentication.encode(pair.getPrivate()));
                Files.writeString(publicFile, AgentAuthentication.encode(pair.getPublic()), StandardCharsets.US_ASCII);
            }
            PrivateKey privateKey = AgentAuthentication.privateKey(read(privateFile));
            UUID clientId = Files.exists(idFile) ? UUID.fromString(read(idFile)) : null;
            return new AgentIdentity(stateDirectory, privateKey, read(publicFile), clientId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state directory " + stateDirectory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the agent key in " + stateDirectory + " is damaged", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(idFile + " does not hold a client id; remove it to register again", e);
        }
    }

    Optional<UUID> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** Keeps the id the site gave at registration. */
    void registered(UUID id) {
        try {
            Path temporary = stateDirectory.resolve(CLIENT_ID_FILE + ".new");
            Files.writeString(temporary, id.toString(), StandardCharsets.US_ASCII);
            Files.move(temporary, stateDirectory.resolve(CLIENT_ID_FILE), StandardCopyOption.ATOMIC_MOVE);
            this.clientId = id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the state directory " + stateDirectory, e);
        }
    }

    /** Hello for this connection: the challenge signed for this client. */
    Hello hello(String nonce) {
        String signature =
                AgentAuthentication.sign(privateKey, AgentAuthentication.signedText(nonce, clientId.toString()));
        return new Hello(clientId, hostname(), operatingSystem(), version(), signature);
    }

    /** Registration for this connection: the public key, and the challenge signed for registering. */
    Register registration(AgentOptions options, String nonce) {
        return new Register(
                options.installerKey(),
                publicKey,
                AgentAuthentication.sign(privateKey, AgentAuthentication.signedText(nonce, "register")),
                hostname(),
                operatingSystem(),
                version(),
                options.jumpGroup(),
                options.tag(),
                options.comments());
    }

    static String version() {
        String version = AgentIdentity.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Windows: the file inherits the ACL of the agent's own, private, state directory.
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    static String operatingSystem() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
