package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The attended customer's temporary client: the built {@code jump-client.jar} run with a session key, its
 * standard input a pipe the test types into, its output a file the test reads, as a customer would use it.
 */
final class CustomerProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private CustomerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the temporary client in the given language, e.g. {@code es_ES}. */
    static CustomerProcess start(URI site, String sessionKey, Path workDirectory, String language) throws IOException {
        return launch(clientCommand(List.of(), site, sessionKey), workDirectory, language);
    }

    /**
     * Starts the temporary client as another OS account (through {@code runuser}; the tests are root), as a
     * customer who is not root runs it: what it installs when pinned goes into that account's home.
     */
    static CustomerProcess startAsAccount(String account, URI site, String sessionKey, Path workDirectory)
            throws IOException {
        return launch(clientCommand(List.of("runuser", "-u", account, "--"), site, sessionKey), workDirectory, "en_US");
    }

    /** {@code java -jar jump-client.jar --session-key … --site …}, after {@code prefix}. */
    private static List<String> clientCommand(List<String> prefix, URI site, String sessionKey) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("jumpdesk.agent.jar"),
                "--session-key",
                sessionKey,
                "--site",
                site.toString()));
        if (site.getScheme().equals("http")) {
            command.add("--insecure-development");
        }
        return command;
    }

    /** Runs {@code start-support.sh} of the package the support portal gave, with this JVM's Java on the PATH. */
    static CustomerProcess startScript(Path script, Path workDirectory) throws IOException {
        return launch(List.of("sh", script.toString()), workDirectory, "en_US");
    }

    private static CustomerProcess launch(List<String> command, Path workDirectory, String language)
            throws IOException {
        Files.createDirectories(workDirectory);
        Path output = Files.createTempFile(workDirectory, "customer", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment()
                .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        builder.environment().put("SHELL", "/bin/sh"); // as AgentProcess: not the machine's login scripts
        builder.environment().remove("SUDO_USER"); // a customer who is root did not come through sudo
        // The JVM takes its language from the desktop's locale; these machines have only C.UTF-8 installed.
        String[] parts = language.split("_");
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.language=" + parts[0] + " -Duser.country=" + parts[1]);
        return new CustomerProcess(builder.start(), output);
    }

    /** Types a line on the client's standard input, as the customer would at its prompt. */
    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!output().contains(text)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive() && !output().contains(text)) {
                throw new IllegalStateException("the temporary client did not write '" + text + "': " + output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Kills the client at once, as a crash or a pulled cable would end it: its connections just drop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the temporary client still runs after " + timeout + ": " + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
