package org.jumpdesk.agent;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The jar's entry point. Runs the agent from its jar in a class loader of its own, so that after a
 * self-update (the agent stages the new jar and ends with {@link #RESTART_FOR_UPDATE}) the new jar can
 * be swapped in and started in the same process: the process id stays, so init scripts and service
 * managers keep tracking it.
 *
 * <p>Only this class comes from the jar the process was started with; it stays as small as it is so that
 * it never needs updating itself.
 */
public final class AgentBoot {

    /** The agent's exit code asking for a restart with the staged update. */
    public static final int RESTART_FOR_UPDATE = 75;

    /** System property naming the agent's jar, for the agent to stage updates beside it. */
    public static final String JAR_PROPERTY = "jumpdesk.agent.jar";

    /** Suffix of the verified update waiting beside the jar. */
    public static final String STAGED_SUFFIX = ".update";

    private AgentBoot() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(AgentBoot.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!Files.isRegularFile(jar)) {
            // Started from a class directory (development): no jar to update.
            System.exit(JumpClientMain.run(args));
        }
        System.setProperty(JAR_PROPERTY, jar.toString());
        Path staged = jar.resolveSibling(jar.getFileName() + STAGED_SUFFIX);
        while (true) {
            try (URLClassLoader agent =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Thread.currentThread().setContextClassLoader(agent);
                int code = (Integer) agent.loadClass(JumpClientMain.class.getName())
                        .getMethod("run", String[].class)
                        .invoke(null, (Object) args);
                if (code != RESTART_FOR_UPDATE || !Files.isRegularFile(staged)) {
                    // Exits with the agent's classes still loadable: its connections' threads may be finishing.
                    System.exit(code);
                }
            }
            Files.move(staged, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("jump-client: updated; restarting with the new version");
        }
    }
}
