package org.jumpdesk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jumpdesk.protocol.Hello;

/** Who this agent is: an identifier kept in the state directory, and the machine it runs on. */
final class AgentIdentity {

    private static final String CLIENT_ID_FILE = "client-id";

    private final UUID clientId;

    private AgentIdentity(UUID clientId) {
        this.clientId = clientId;
    }

    /** Reads the identity from the state directory, creating it on the first run. */
    static AgentIdentity loadOrCreate(Path stateDirectory) {
        Path file = stateDirectory.resolve(CLIENT_ID_FILE);
        try {
            if (Files.exists(file)) {
                return new AgentIdentity(UUID.fromString(
                        Files.readString(file, StandardCharsets.US_ASCII).trim()));
            }
            Files.createDirectories(stateDirectory);
            UUID created = UUID.randomUUID();
            Files.writeString(file, created.toString(), StandardCharsets.US_ASCII);
            return new AgentIdentity(created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state directory " + stateDirectory, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a client id; remove it to register again", e);
        }
    }

    UUID clientId() {
        return clientId;
    }

    Hello hello() {
        return new Hello(
                clientId,
                hostname(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                version());
    }

    static String version() {
        String version = AgentIdentity.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
