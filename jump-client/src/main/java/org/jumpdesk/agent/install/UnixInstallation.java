package org.jumpdesk.agent.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jumpdesk.protocol.InstallerPackageFile;

/**
 * Installs on Linux (and macOS) as the guide's headless section says: a new directory, owned by the account
 * the client runs as (never root), holding the runtime, the agent, {@code run-agent}, {@code init-script},
 * {@code uninstall} and, when root installs, a systemd unit to copy into {@code /etc/systemd/system}. A
 * refused or failed installation leaves no directory behind.
 */
record UnixInstallation(InstallerPackageFile file, InstallerCommandLine commandLine, Path packageDirectory) {

    static final String UNIT = "jumpdesk-jumpclient.service";

    /**
     * Checks everything, then installs.
     *
     * @return what to tell the person installing
     * @throws InstallFailure saying why nothing was installed
     */
    String install() {
        boolean root = "0".equals(Shell.run("id", "-u").output());
        String runAs = account(root);
        Path directory = directory(root, runAs);
        try {
            Files.createDirectory(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new InstallFailure(InstallFailure.DIRECTORY, "cannot create " + directory + ": " + e.getMessage());
        }
        try {
            return fill(directory, root, runAs);
        } catch (IOException | UncheckedIOException | InstallFailure e) {
            Installations.deleteQuietly(directory);
            if (e instanceof InstallFailure failure) {
                throw failure;
            }
            throw new InstallFailure("cannot install into " + directory + ": " + e.getMessage(), e);
        }
    }

    private String account(boolean root) {
        String user = commandLine.user();
        if (root && user == null) {
            throw new InstallFailure(
                    InstallFailure.ACCOUNT,
                    "warning: you are installing as root. The Jump Client does not run as root: pass --user <username>"
                            + " to say which account it runs as. Nothing was installed.");
        }
        if (!root && file.serviceMode()) {
            throw new InstallFailure(
                    InstallFailure.ACCOUNT,
                    "this installer installs in service mode, which must be done as root (with --user <username>;"
                            + " the Jump Client itself does not run as root). Nothing was installed.");
        }
        String me = Shell.run("id", "-un").output();
        if (!root) {
            if (user != null && !user.equals(me)) {
                throw new InstallFailure(
                        InstallFailure.ACCOUNT,
                        "--user " + user + ": only root can install for another account. Nothing was installed.");
            }
            return me;
        }
        Shell.Result uid = Shell.run("id", "-u", user);
        if (!uid.succeeded()) {
            throw new InstallFailure(
                    InstallFailure.ACCOUNT,
                    "--user " + user + ": no such user on this machine. Nothing was installed.");
        }
        if (uid.output().equals("0")) {
            throw new InstallFailure(
                    InstallFailure.ACCOUNT,
                    "--user " + user + ": the Jump Client does not run as root; name another account."
                            + " Nothing was installed.");
        }
        return user;
    }

    private Path directory(boolean root, String runAs) {
        if (commandLine.installDir() == null && root) {
            throw new InstallFailure(
                    InstallFailure.COMMAND_LINE,
                    "--install-dir <directory> is required when root installs: a new directory " + runAs
                            + " can write to. Nothing was installed.");
        }
        Path directory = (commandLine.installDir() == null
                        ? Path.of(System.getProperty("user.home"), "jumpclient")
                        : commandLine.installDir())
                .toAbsolutePath()
                .normalize();
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new InstallFailure(
                    InstallFailure.DIRECTORY,
                    "--install-dir " + directory + " already exists; name a directory that does not exist yet."
                            + " Nothing was installed.");
        }
        Path parent = directory.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InstallFailure(
                    InstallFailure.DIRECTORY,
                    "--install-dir " + directory + " cannot be created: " + parent + " does not exist."
                            + " Nothing was installed.");
        }
        boolean writable = root
                ? Shell.run(asAccount(runAs, "test", "-w", parent.toString(), "-a", "-x", parent.toString()))
                        .succeeded()
                : Files.isWritable(parent) && Files.isExecutable(parent);
        if (!writable) {
            throw new InstallFailure(
                    InstallFailure.DIRECTORY,
                    "--install-dir " + directory + " cannot be created: " + runAs + " cannot write to " + parent
                            + ". Nothing was installed.");
        }
        return directory;
    }

    /** A command run as the account: {@code runuser} on Linux, {@code sudo} where there is none (macOS). */
    private static String[] asAccount(String account, String... command) {
        boolean runuser =
                Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"));
        List<String> line = new ArrayList<>(
                runuser ? List.of("runuser", "-u", account, "--") : List.of("sudo", "-u", account, "--"));
        line.addAll(List.of(command));
        return line.toArray(String[]::new);
    }

    private String fill(Path directory, boolean root, String runAs) throws IOException {
        Path runtime = packageDirectory.resolve("runtime");
        Path java;
        if (Files.isDirectory(runtime)) {
            Installations.copyTree(runtime, directory.resolve("runtime"));
            java = directory.resolve("runtime/bin/java");
        } else {
            java = Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Files.copy(packageDirectory.resolve("jump-client.jar"), directory.resolve("jump-client.jar"));
        executable(directory.resolve("run-agent"), runAgent(directory, java));
        executable(
                directory.resolve("init-script"),
                template("init-script")
                        .replace("@DIR@", Shell.quote(directory.toString()))
                        .replace("@RUN_AS@", Shell.quote(runAs))
                        .replace("@JAVA@", Shell.quote(java.toString()))
                        .replace("@UNIT@", UNIT));
        executable(
                directory.resolve("uninstall"),
                "#!/bin/sh\n# Stops this Jump Client, tells the site it is uninstalled and removes "
                        + directory + ".\nexec "
                        + Shell.quote(directory.resolve("init-script").toString())
                        + " uninstall\n");
        StringBuilder done = new StringBuilder("Jump Client installed in " + directory + " (runs as " + runAs + ").\n");
        if (root) {
            Files.writeString(directory.resolve(UNIT), unit(directory), StandardCharsets.UTF_8);
            Shell.Result chown = Shell.run("chown", "-R", runAs, directory.toString());
            if (!chown.succeeded()) {
                throw new InstallFailure("cannot give " + directory + " to " + runAs + ": " + chown.output(), null);
            }
            done.append("To start it at boot with systemd: cp ")
                    .append(directory.resolve(UNIT))
                    .append(" /etc/systemd/system/ && systemctl enable ")
                    .append(UNIT)
                    .append('\n');
        }
        done.append("Start it now (the first start must come before ")
                .append(file.validUntil())
                .append("): ")
                .append(directory.resolve("init-script"))
                .append(" start");
        return done.toString();
    }

    private String runAgent(Path directory, Path java) {
        return "#!/bin/sh\n# Runs the Jump Client in the foreground; init-script runs it in the background.\nexec "
                + String.join(
                        " ",
                        Installations.agentCommand(file, commandLine, directory, java).stream()
                                .map(Shell::quote)
                                .toList())
                + " \"$@\"\n";
    }

    private static String unit(Path directory) {
        String script = directory.resolve("init-script").toString();
        return "[Unit]\nDescription=JumpDesk Jump Client in " + directory
                + "\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nType=forking\n"
                + "ExecStart=" + script + " start\nExecStop=" + script + " stop\nPIDFile="
                + directory.resolve("agent.pid")
                + "\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    private static String template(String name) throws IOException {
        try (InputStream in = UnixInstallation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the installer lacks its " + name + " template");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
