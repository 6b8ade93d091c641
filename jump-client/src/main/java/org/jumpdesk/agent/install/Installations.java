package org.jumpdesk.agent.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jumpdesk.protocol.InstallerPackageFile;

/** What installations on every platform share: the agent's command line and file handling. */
final class Installations {

    private Installations() {}

    /**
     * The command that runs the installed agent: the package's sites, certificate and key (or
     * {@code KEY_INFO}'s), its state in {@code <directory>/state}, and the overrides given at install time.
     */
    static List<String> agentCommand(
            InstallerPackageFile file, InstallerCommandLine commandLine, Path directory, Path java) {
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-jar", directory.resolve("jump-client.jar").toString()));
        file.sites().forEach(site -> command.addAll(List.of("--site", site.toString())));
        command.addAll(List.of(
                "--site-fingerprint",
                file.certificateFingerprint(),
                "--state-dir",
                directory.resolve("state").toString(),
                "--installer-key",
                commandLine.installerKey() != null ? commandLine.installerKey() : file.installerKey()));
        if (commandLine.jumpGroup() != null) {
            command.addAll(List.of("--jc-jump-group", commandLine.jumpGroup()));
        }
        if (commandLine.tag() != null) {
            command.addAll(List.of("--jc-tag", commandLine.tag()));
        }
        if (commandLine.comments() != null) {
            command.addAll(List.of("--jc-comments", commandLine.comments()));
        }
        return command;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Removes what a failed installation made; the failure itself is what the user must see. */
    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // reported by the caller's failure
        }
    }
}
