package org.jumpdesk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;

/**
 * Who this agent is: the Jump Client id the site gave it at registration, kept in the state directory, and
 * the machine it runs on.
 */
final class AgentIdentity {

    private static final String CLIENT_ID_FILE = "client-id";

    private final Path stateDirectory;
    private UUID clientId;

    private AgentIdentity(Path stateDirectory, UUID clientId) {
        this.stateDirectory = stateDirectory;
        this.clientId = clientId;
    }

    /** Reads the identity from the state directory; none before the first registration. */
    static AgentIdentity load(Path stateDirectory) {
        Path file = stateDirectory.resolve(CLIENT_ID_FILE);
        try {
            if (!Files.exists(file)) {
                return new AgentIdentity(stateDirectory, null);
            }
            return new AgentIdentity(
                    stateDirectory,
                    UUID.fromString(
                            Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a client id; remove it to register again", e);
        }
    }

    Optional<UUID> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** Keeps the id the site gave at registration. */
    void registered(UUID id) {
        try {
            Files.createDirectories(stateDirectory);
            Path temporary = stateDirectory.resolve(CLIENT_ID_FILE + ".new");
            Files.writeString(temporary, id.toString(), StandardCharsets.US_ASCII);
            Files.move(temporary, stateDirectory.resolve(CLIENT_ID_FILE), StandardCopyOption.ATOMIC_MOVE);
            this.clientId = id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the state directory " + stateDirectory, e);
        }
    }

    Hello hello() {
        return new Hello(clientId, hostname(), operatingSystem(), version());
    }

    Register registration(AgentOptions options) {
        return new Register(
                options.installerKey(),
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

    private static String operatingSystem() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
