package org.jumpdesk.agent.install;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.jumpdesk.protocol.InstallerPackageFile;

/**
 * The installer every package runs: {@code java -cp jump-client.jar org.jumpdesk.agent.install.InstallerMain
 * --package <unpacked package> --command <name shown in the usage> <the user's parameters>}. A refusal is
 * printed to stderr and sent to syslog, exits non-zero (see {@link InstallFailure}) and leaves nothing
 * installed.
 */
public final class InstallerMain {

    private InstallerMain() {}

    public static void main(String[] args) {
        if (args.length < 4 || !args[0].equals("--package") || !args[2].equals("--command")) {
            System.err.println("jumpclient: run the installer package, not this class");
            System.exit(InstallFailure.FAILED);
            return;
        }
        System.exit(run(Path.of(args[1]), args[3], Arrays.copyOfRange(args, 4, args.length), System.out, System.err));
    }

    static int run(Path packageDirectory, String command, String[] parameters, PrintStream out, PrintStream err) {
        InstallerCommandLine commandLine;
        try {
            commandLine = InstallerCommandLine.parse(parameters);
        } catch (IllegalArgumentException e) {
            int code = refused(
                    new InstallFailure(InstallFailure.COMMAND_LINE, e.getMessage() + ". Nothing was installed."), err);
            err.print(InstallerCommandLine.usage(command));
            return code;
        }
        if (commandLine.help()) {
            out.print(InstallerCommandLine.usage(command));
            return 0;
        }
        try {
            InstallerPackageFile file;
            try (Reader in = Files.newBufferedReader(
                    packageDirectory.resolve(InstallerPackageFile.NAME), StandardCharsets.UTF_8)) {
                file = InstallerPackageFile.read(in);
            } catch (IOException | RuntimeException e) {
                throw new InstallFailure("the package is damaged (" + e.getMessage() + "); download it again", e);
            }
            refuseForbiddenOverrides(file, commandLine);
            out.println(install(file, commandLine, packageDirectory));
            return 0;
        } catch (InstallFailure failure) {
            return refused(failure, err);
        }
    }

    /**
     * Installs the unpacked package on this platform: every package and a pinned session's client come
     * through here.
     *
     * @return what to tell the person installing
     * @throws InstallFailure saying why nothing was installed
     */
    static String install(InstallerPackageFile file, InstallerCommandLine commandLine, Path packageDirectory) {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return windows
                ? new WindowsInstallation(file, commandLine, packageDirectory).install()
                : new UnixInstallation(file, commandLine, packageDirectory).install();
    }

    /** Says why on stderr and in syslog (the operating system's event log on Linux). */
    private static int refused(InstallFailure failure, PrintStream err) {
        err.println("jumpclient: " + failure.getMessage());
        Shell.run("logger", "-t", "jumpclient-installer", "-p", "user.err", "--", failure.getMessage());
        return failure.exitCode();
    }

    /**
     * The site refuses at registration the values the installer does not let an installation change; the
     * package knows the same rule, so the refusal comes before anything is installed.
     */
    static void refuseForbiddenOverrides(InstallerPackageFile file, InstallerCommandLine commandLine) {
        refuse(
                commandLine.jumpGroup(),
                file.jumpGroup(),
                file.jumpGroupOverride(),
                InstallerCommandLine.Parameter.JUMP_GROUP,
                "Jump Group");
        refuse(commandLine.tag(), file.tag(), file.tagOverride(), InstallerCommandLine.Parameter.TAG, "tag");
        refuse(
                commandLine.comments(),
                file.comments(),
                file.commentsOverride(),
                InstallerCommandLine.Parameter.COMMENTS,
                "comments");
    }

    private static void refuse(
            String requested,
            String installerValue,
            boolean allowed,
            InstallerCommandLine.Parameter parameter,
            String what) {
        if (requested != null && !allowed && !Objects.equals(requested, installerValue)) {
            throw new InstallFailure(
                    InstallFailure.COMMAND_LINE,
                    parameter.names() + ": this installer does not allow changing the " + what
                            + ". Nothing was installed.");
        }
    }
}
