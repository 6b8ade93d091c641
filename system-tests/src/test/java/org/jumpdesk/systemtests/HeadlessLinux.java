package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jumpdesk.launcher.Directories;

/**
 * A Linux machine as the headless installer meets it: real accounts made with {@code useradd}, commands
 * run under {@code sh} as root or as such an account, packages downloaded from the site. The tests run as
 * root (here and in CI), which creating accounts and installing for them needs.
 */
final class HeadlessLinux {

    private HeadlessLinux() {}

    /** What a command printed on each stream and its exit code. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** An account made for one test, removed with its processes when the test ends. */
    record Account(String name) implements AutoCloseable {

        static Account create() throws IOException, InterruptedException {
            Account account = new Account("jd" + UUID.randomUUID().toString().substring(0, 8));
            Result added =
                    HeadlessLinux.run(List.of("useradd", "--no-create-home", "--shell", "/bin/sh", account.name()));
            if (added.exitCode() != 0) {
                throw new IllegalStateException("useradd failed (the tests must run as root): " + added);
            }
            return account;
        }

        /** An account with a home directory of its own inside {@code parent} (which every account can enter). */
        static Account createWithHome(Path parent) throws IOException, InterruptedException {
            Account account = new Account("jd" + UUID.randomUUID().toString().substring(0, 8));
            Result added = HeadlessLinux.run(List.of(
                    "useradd",
                    "--create-home",
                    "--home-dir",
                    parent.resolve(account.name()).toString(),
                    "--shell",
                    "/bin/sh",
                    account.name()));
            if (added.exitCode() != 0) {
                throw new IllegalStateException("useradd failed (the tests must run as root): " + added);
            }
            return account;
        }

        /** Runs a command as this account (through {@code runuser}, since the tests are root). */
        Result run(String... command) throws IOException, InterruptedException {
            List<String> asAccount = new ArrayList<>(List.of("runuser", "-u", name, "--"));
            asAccount.addAll(List.of(command));
            return HeadlessLinux.run(asAccount);
        }

        /** Makes a directory this account owns, in which it may install. */
        Path ownDirectory(Path parent, String name) throws IOException, InterruptedException {
            Path directory = Files.createDirectories(parent.resolve(name));
            HeadlessLinux.run(List.of("chown", this.name + ":", directory.toString()));
            return directory;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            HeadlessLinux.run(List.of("pkill", "-KILL", "-u", name));
            HeadlessLinux.run(List.of("userdel", name));
        }
    }

    /** A directory every account can enter (the JUnit temporary directories are root's only). */
    static Path openDirectory() throws IOException {
        Path directory = Files.createTempDirectory("jumpdesk-headless-");
        directory.toFile().setReadable(true, false);
        directory.toFile().setExecutable(true, false);
        return directory;
    }

    static void delete(Path directory) throws IOException {
        Directories.deleteRecursively(directory);
    }

    /**
     * Downloads an installer package by its link, as a recipient of the link would.
     *
     * @return the file, readable by every account
     */
    static Path download(String installerKey, String platform, Path directory)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(downloadLink(installerKey, platform))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        String disposition =
                response.headers().firstValue("Content-Disposition").orElse("");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("download answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        Path file = directory.resolve(disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1"));
        try (InputStream in = response.body()) {
            Files.copy(in, file);
        }
        file.toFile().setReadable(true, false);
        return file;
    }

    /** The HTTP status a download by this link gets now. */
    static int downloadStatus(String installerKey, String platform) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(downloadLink(installerKey, platform))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static URI downloadLink(String installerKey, String platform) {
        return TestSite.httpUrl().resolve("download/installer/" + installerKey + "?platform=" + platform);
    }

    /** Runs a command as root, to its end (two minutes at most). */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish: " + out);
        }
        return new Result(process.exitValue(), out, err.join());
    }

    /** Runs a shell command line as root. */
    static Result sh(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("sh"));
        line.addAll(List.of(command));
        return run(line);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
