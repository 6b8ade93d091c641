package org.jumpdesk.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's command line.
 *
 * @param siteUri the site's agent endpoint, {@code wss://host:port/agent} ({@code ws://} for development)
 * @param stateDirectory where the agent keeps its identity between runs
 * @param installerKey the key to register with on the first start, or null once registered
 * @param jumpGroup {@code --jc-jump-group} override, or null
 * @param tag {@code --jc-tag} override, or null
 * @param comments {@code --jc-comments} override, or null
 * @param uninstall {@code --uninstall}: tell the site this client is uninstalled, then remove its state
 */
public record AgentOptions(
        URI siteUri,
        Path stateDirectory,
        String installerKey,
        String jumpGroup,
        String tag,
        String comments,
        boolean uninstall) {

    static final String USAGE = "usage: java -jar jump-client.jar --site <wss://host[:port]/agent>"
            + " [--state-dir <directory>] [--installer-key <key>]"
            + " [--jc-jump-group <group>] [--jc-tag <tag>] [--jc-comments <comments>] [--uninstall]";

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the argument that is wrong and what was expected
     */
    public static AgentOptions parse(String... args) {
        URI site = null;
        Path stateDirectory = Path.of(System.getProperty("user.home"), ".jumpdesk-agent");
        String installerKey = null;
        String jumpGroup = null;
        String tag = null;
        String comments = null;
        boolean uninstall = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("--uninstall")) {
                uninstall = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = rest.remove(0);
            switch (name) {
                case "--site" -> site = siteUri(value);
                case "--state-dir" -> stateDirectory = Path.of(value);
                case "--installer-key" -> installerKey = value;
                case "--jc-jump-group" -> jumpGroup = value;
                case "--jc-tag" -> tag = value;
                case "--jc-comments" -> comments = value;
                default -> throw new IllegalArgumentException("unknown argument " + name);
            }
        }
        if (site == null) {
            throw new IllegalArgumentException("--site is required");
        }
        return new AgentOptions(site, stateDirectory, installerKey, jumpGroup, tag, comments, uninstall);
    }

    private static URI siteUri(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--site must be a URI such as wss://site.example.com/agent, was '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("wss") && !scheme.equals("ws") || uri.getHost() == null) {
            throw new IllegalArgumentException("--site must be a wss:// or ws:// URI with a host, was '" + value + "'");
        }
        return uri;
    }

    /** Hides the installer key from logs. */
    @Override
    public String toString() {
        return "AgentOptions[" + siteUri + ", " + stateDirectory + "]";
    }
}
