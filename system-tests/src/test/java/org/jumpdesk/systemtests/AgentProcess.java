package org.jumpdesk.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The built {@code jump-client.jar} running as a separate JVM, as on a customer's machine. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path stateDirectory;
    private final Path output;

    private AgentProcess(Process process, Path stateDirectory, Path output) {
        this.process = process;
        this.stateDirectory = stateDirectory;
        this.output = output;
    }

    static AgentProcess start(URI site, Path workDirectory, String... arguments) throws IOException {
        return startFrom(Path.of(System.getProperty("jumpdesk.agent.jar")), site, workDirectory, arguments);
    }

    /** Starts the agent from the given jar, e.g. a copy that may update itself. */
    static AgentProcess startFrom(Path jar, URI site, Path workDirectory, String... arguments) throws IOException {
        return startAs(List.of(), jar, site, workDirectory, Map.of(), arguments);
    }

    /** Starts the agent with these environment variables added to the test's, e.g. the user's login shell. */
    static AgentProcess start(URI site, Path workDirectory, Map<String, String> environment, String... arguments)
            throws IOException {
        return startAs(
                List.of(),
                Path.of(System.getProperty("jumpdesk.agent.jar")),
                site,
                workDirectory,
                environment,
                arguments);
    }

    /**
     * Starts the agent as another OS account (through {@code runuser}; the tests are root), as a service
     * installed with {@code --user} runs. The work directory must be the account's.
     */
    static AgentProcess startAsAccount(String account, URI site, Path workDirectory, String... arguments)
            throws IOException {
        return startAs(
                List.of("runuser", "-u", account, "--"),
                Path.of(System.getProperty("jumpdesk.agent.jar")),
                site,
                workDirectory,
                Map.of(),
                arguments);
    }

    private static AgentProcess startAs(
            List<String> prefix,
            Path jar,
            URI site,
            Path workDirectory,
            Map<String, String> environment,
            String... arguments)
            throws IOException {
        Files.createDirectories(workDirectory);
        Path stateDirectory = workDirectory.resolve("state");
        Path output = workDirectory.resolve("agent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                java, "-jar", jar.toString(), "--site", site.toString(), "--state-dir", stateDirectory.toString()));
        if (site.getScheme().equals("ws")) {
            command.add("--insecure-development");
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The shell of a jump is the account's login shell; these tests are not about the machine's own login
        // scripts (here root's .bashrc runs pyenv's rehash, which waits on a lock a killed shell leaves behind).
        builder.environment().put("SHELL", "/bin/sh");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new AgentProcess(process, stateDirectory, output);
    }

    /** Runs one of the agent's local commands ({@code disable}, {@code enable}, {@code status}) to its end. */
    static CommandResult command(Path workDirectory, String command) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-jar",
                        System.getProperty("jumpdesk.agent.jar"),
                        command,
                        "--state-dir",
                        workDirectory.resolve("state").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + command + "' did not finish: " + output);
        }
        return new CommandResult(process.exitValue(), output);
    }

    /** What a local command printed and its exit code. */
    record CommandResult(int exitCode, String output) {}

    /** The client id the site gave the agent at registration, once it has. */
    UUID awaitClientId(Duration timeout) throws IOException, InterruptedException {
        Path file = stateDirectory.resolve("client-id");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file) && Files.size(file) > 0) {
                return UUID.fromString(
                        Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the agent exited with " + process.exitValue() + ": " + output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the agent wrote no client id within " + timeout + ": " + output());
    }

    /** Waits for the agent to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the agent still runs after " + timeout + ": " + output());
        }
        return process.exitValue();
    }

    /** Waits until the agent's output contains the text. */
    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!output().contains(text)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("the agent did not write '" + text + "': " + output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Copies the built agent jar with another {@code Implementation-Version}: the same code posing as an
     * older release, as machines that were installed before the site's upgrade run.
     */
    static Path jarWithVersion(Path target, String version) throws IOException {
        Path built = Path.of(System.getProperty("jumpdesk.agent.jar"));
        try (JarInputStream in = new JarInputStream(Files.newInputStream(built))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Freezes the agent (SIGSTOP): its connection stays open but it sends nothing, like a hung machine. */
    void freeze() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-STOP", Long.toString(process.pid()))
                .start()
                .waitFor();
    }

    Path stateDirectory() {
        return stateDirectory;
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Kills the agent with SIGKILL, as a crash or a pulled plug would. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
