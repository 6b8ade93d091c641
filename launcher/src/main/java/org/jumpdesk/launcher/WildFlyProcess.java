package org.jumpdesk.launcher;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The provisioned WildFly running the application. Each run uses a fresh copy of the server's
 * {@code standalone} directory as its base, with the EAR in its {@code deployments}, so the provisioned
 * server itself stays untouched (the test suite uses it too).
 */
public final class WildFlyProcess {

    /** Connections each HTTP listener holds at most (configure-server.cli). */
    public static final String MAX_CONNECTIONS = "JUMPDESK_MAX_CONNECTIONS";

    /**
     * File descriptors kept from the listeners for the server itself: deploying the EAR holds about 460
     * (jars, sockets, the database pool), a running server about 300.
     */
    static final int RESERVED_FILES = 600;

    /** What {@link #awaitReady(URI, Duration, IntConsumer)} reports for a probe the server held unanswered. */
    public static final int HELD = -1;

    private final Process process;
    private final Path log;

    private WildFlyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static WildFlyProcess start(
            Path serverHome, Path ear, Path baseDirectory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Directories.deleteRecursively(baseDirectory);
        copyRecursively(serverHome.resolve("standalone"), baseDirectory);
        Files.createDirectories(baseDirectory.resolve("deployments"));
        Files.copy(
                ear, baseDirectory.resolve("deployments").resolve("jumpdesk.ear"), StandardCopyOption.REPLACE_EXISTING);
        Path log = baseDirectory.resolve("log").resolve("console.log");
        Files.createDirectories(log.getParent());

        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>();
        command.add(serverHome
                .resolve("bin")
                .resolve(windows ? "standalone.bat" : "standalone.sh")
                .toString());
        command.add("-Djboss.server.base.dir=" + baseDirectory);
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().putIfAbsent(MAX_CONNECTIONS, Integer.toString(maxConnections()));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        return new WildFlyProcess(builder.start(), log);
    }

    /**
     * The open-file limit of this process less the reserve. WildFly's start script raises its limit to the
     * hard limit, as the JVM does for itself, so both processes have the same one.
     */
    static int maxConnections() {
        long files = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : Integer.MAX_VALUE;
        return (int) Math.max(100, Math.min(Integer.MAX_VALUE, files - RESERVED_FILES));
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the URL answers 200 (the application is deployed), the server dies, or time runs out. */
    public boolean awaitReady(URI probe, Duration timeout) throws InterruptedException {
        return awaitReady(probe, timeout, status -> {});
    }

    /**
     * As {@link #awaitReady(URI, Duration)}, telling {@code answered} the status of each answer to the probe
     * before and including the 200, or {@link #HELD} for a request the server held beyond 5 s.
     */
    public boolean awaitReady(URI probe, Duration timeout, IntConsumer answered) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request =
                HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                answered.accept(status);
                if (status == 200) {
                    return true;
                }
            } catch (HttpTimeoutException held) {
                answered.accept(HELD);
            } catch (IOException notYet) {
                // The listener is not open yet.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return false;
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the server JVM itself (the start script does not always pass the signal on), then the script. */
    public void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(dir);
                if (relative.startsWith("data") || relative.startsWith("tmp") || relative.startsWith("log")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
