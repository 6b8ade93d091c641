package org.jumpdesk.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

/**
 * What the machine's own user controls, through files in the state directory that the running agent
 * watches and writes: {@code disable} / {@code enable} (the {@code disabled} flag: the site refuses jumps
 * with {@code DISABLED_BY_USER}), and {@code status} (the running agent's {@code status.properties}, and
 * whether it still holds {@code agent.lock}).
 */
final class LocalControl {

    static final Set<String> COMMANDS = Set.of("disable", "enable", "status");

    private static final String DISABLED_FILE = "disabled";
    private static final String STATUS_FILE = "status.properties";
    private static final String LOCK_FILE = "agent.lock";
    private static final String LAST_CONTACT_FILE = "last-contact";

    private final Path stateDirectory;
    /** Held for the life of the running agent; a field so that it is not collected and released. */
    private FileLock heldLock;

    LocalControl(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    /**
     * Marks this state directory as used by the running agent until the process ends (the operating
     * system releases the lock even on a crash).
     *
     * @return false when another agent already runs with this state directory
     */
    boolean lockForThisProcess() throws IOException {
        Files.createDirectories(stateDirectory);
        FileChannel channel = FileChannel.open(
                stateDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return false;
        }
        heldLock = lock;
        return true;
    }

    /** Lets go of the state directory (before a restart in the same process). */
    void unlock() throws IOException {
        if (heldLock != null) {
            heldLock.channel().close();
            heldLock = null;
        }
    }

    private boolean agentRunning() throws IOException {
        Path file = stateDirectory.resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Remembers a successful contact and the offline limit the site gave with it. */
    void contacted(Instant at, int offlineLimitDays) {
        try {
            Path temporary = stateDirectory.resolve(LAST_CONTACT_FILE + ".new");
            Files.writeString(temporary, at + " " + offlineLimitDays, StandardCharsets.US_ASCII);
            Files.move(temporary, stateDirectory.resolve(LAST_CONTACT_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + stateDirectory, e);
        }
    }

    /**
     * Whether the site has not been reached for longer than its offline limit, after which the site has
     * uninstalled this client too and the agent must remove itself. False before the first contact.
     */
    boolean offlineLimitPassed(Instant now) {
        Path file = stateDirectory.resolve(LAST_CONTACT_FILE);
        try {
            if (!Files.exists(file)) {
                return false;
            }
            String[] parts =
                    Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            Instant last = Instant.parse(parts[0]);
            return last.plus(Duration.ofDays(Integer.parseInt(parts[1]))).isBefore(now);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    boolean disabled() {
        return Files.exists(stateDirectory.resolve(DISABLED_FILE));
    }

    /** The running agent's report, replaced atomically so {@code status} never reads half a file. */
    void writeStatus(String site, String clientId, String mode, boolean connected) {
        Properties status = new Properties();
        status.setProperty("site", site == null ? "" : site);
        status.setProperty("clientId", clientId == null ? "" : clientId);
        status.setProperty("mode", mode == null ? "" : mode);
        status.setProperty("connected", Boolean.toString(connected));
        status.setProperty("disabled", Boolean.toString(disabled()));
        status.setProperty("updatedAt", Instant.now().toString());
        try {
            Files.createDirectories(stateDirectory);
            Path temporary = stateDirectory.resolve(STATUS_FILE + ".new");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                status.store(out, "Jump Client status");
            }
            Files.move(temporary, stateDirectory.resolve(STATUS_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the status to " + stateDirectory, e);
        }
    }

    /**
     * Runs a local command.
     *
     * @return the exit code: 0, or for {@code status} 3 when the agent is not running or not connected
     *     (as LSB init scripts report)
     */
    int run(String command, PrintStream out) throws IOException {
        switch (command) {
            case "disable" -> {
                Files.createDirectories(stateDirectory);
                Files.writeString(
                        stateDirectory.resolve(DISABLED_FILE), Instant.now().toString());
                out.println("Sessions to this machine are disabled until 'enable'.");
                return 0;
            }
            case "enable" -> {
                Files.deleteIfExists(stateDirectory.resolve(DISABLED_FILE));
                out.println("Sessions to this machine are enabled.");
                return 0;
            }
            default -> {
                return status(out);
            }
        }
    }

    private int status(PrintStream out) throws IOException {
        Path file = stateDirectory.resolve(STATUS_FILE);
        if (!Files.exists(file)) {
            out.println("not running: this Jump Client has not started yet");
            return 3;
        }
        Properties status = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            status.load(in);
        }
        Instant updated = Instant.parse(status.getProperty("updatedAt"));
        boolean running = agentRunning();
        boolean connected = running && Boolean.parseBoolean(status.getProperty("connected"));
        out.println((connected ? "connected" : running ? "not connected" : "not running") + " to "
                + status.getProperty("site"));
        out.println("client: " + status.getProperty("clientId"));
        out.println("mode: " + status.getProperty("mode"));
        out.println("sessions: " + (disabled() ? "disabled by the user" : "enabled"));
        out.println("last contact: " + updated);
        return connected ? 0 : 3;
    }
}
