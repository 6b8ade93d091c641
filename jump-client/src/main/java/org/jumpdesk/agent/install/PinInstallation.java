package org.jumpdesk.agent.install;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jumpdesk.protocol.InstallerPackageFile;

/**
 * Session pinning on the customer's machine: the temporary client installs itself as a Jump Client with the
 * package the site sent (a one-time installer), through the installers' own code, and starts it. Not root:
 * user mode in {@code ~/jumpclient} (or {@code ~/jumpclient-<installer>} when that exists). Root (the site
 * then sent a service-mode package): into {@code /opt/jumpclient-<installer>}, running as the account that
 * used {@code sudo} ({@code SUDO_USER}), never as root.
 */
public final class PinInstallation {

    private PinInstallation() {}

    /** Why a pin could not install or start, in the installer's words. */
    public static final class Failed extends Exception {

        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Installs the agent jar with the package, then starts the installed client and waits for its
     * registration (the init script's {@code start}).
     *
     * @param packageText the {@link InstallerPackageFile} text the site sent
     * @param agentJar the jar this temporary client runs from: the same agent the installers carry
     * @return where it is installed
     * @throws Failed saying why (nothing is left installed when the installation itself failed)
     */
    public static Path installAndStart(String packageText, Path agentJar) throws Failed {
        Path packageDirectory = null;
        try {
            InstallerPackageFile file = InstallerPackageFile.read(new StringReader(packageText));
            packageDirectory = Files.createTempDirectory("jumpclient-pin");
            Files.writeString(packageDirectory.resolve(InstallerPackageFile.NAME), packageText);
            Files.copy(agentJar, packageDirectory.resolve("jump-client.jar"));
            boolean root = "0".equals(Shell.run("id", "-u").output());
            Path directory = directory(file, root);
            List<String> parameters = new ArrayList<>(List.of("--install-dir", directory.toString()));
            if (root) {
                String account = System.getenv("SUDO_USER");
                if (account == null || account.isBlank() || account.equals("root")) {
                    throw new InstallFailure(
                            InstallFailure.ACCOUNT,
                            "the support client runs as root, and the Jump Client never does: start the support"
                                    + " client with sudo from the account it should run as. Nothing was installed.");
                }
                parameters.addAll(List.of("--user", account));
            }
            InstallerMain.install(
                    file, InstallerCommandLine.parse(parameters.toArray(String[]::new)), packageDirectory);
            Shell.Result start = Shell.run(directory.resolve("init-script").toString(), "start");
            if (!start.succeeded()) {
                throw new Failed("installed in " + directory + " but it did not start: " + start.output(), null);
            }
            return directory;
        } catch (InstallFailure failure) {
            throw new Failed(failure.getMessage(), failure);
        } catch (IOException | RuntimeException e) {
            throw new Failed("cannot install: " + e.getMessage(), e);
        } finally {
            if (packageDirectory != null) {
                Installations.deleteQuietly(packageDirectory);
            }
        }
    }

    private static Path directory(InstallerPackageFile file, boolean root) {
        String suffix = file.installerId().substring(0, 8);
        if (root) {
            return Path.of("/opt", "jumpclient-" + suffix);
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path usual = home.resolve("jumpclient");
        return Files.exists(usual) ? home.resolve("jumpclient-" + suffix) : usual;
    }
}
