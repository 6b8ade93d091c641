package org.jumpdesk.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The agent's command line.
 *
 * @param sites the site's agent endpoints, tried in order ({@code --site}, repeatable)
 * @param certificateFingerprint SHA-256 of the site certificate the agent accepts, and no other
 * @param insecureDevelopment {@code --insecure-development}: allows plain {@code ws://} for local trials
 * @param connectTimeout how long one address may take to answer
 * @param stateDirectory where the agent keeps its identity between runs
 * @param installerKey the key to register with on the first start, or null once registered
 * @param jumpGroup {@code --jc-jump-group} override, or null
 * @param tag {@code --jc-tag} override, or null
 * @param comments {@code --jc-comments} override, or null
 * @param uninstall {@code --uninstall}: tell the site this client is uninstalled, then remove its state
 */
public record AgentOptions(
        List<URI> sites,
        byte[] certificateFingerprint,
        boolean insecureDevelopment,
        Duration connectTimeout,
        Path stateDirectory,
        String installerKey,
        String jumpGroup,
        String tag,
        String comments,
        boolean uninstall) {

    static final String USAGE = "usage: java -jar jump-client.jar --site <wss://host[:port]/agent> [--site ...]"
            + " --site-fingerprint <SHA-256 of the site certificate> [--connect-timeout <seconds>]"
            + " [--state-dir <directory>] [--installer-key <key>]"
            + " [--jc-jump-group <group>] [--jc-tag <tag>] [--jc-comments <comments>] [--uninstall]"
            + " [--insecure-development (allows ws://)]";

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the argument that is wrong and what was expected
     */
    public static AgentOptions parse(String... args) {
        List<URI> sites = new ArrayList<>();
        byte[] fingerprint = null;
        boolean insecure = false;
        Duration connectTimeout = Duration.ofSeconds(10);
        Path stateDirectory = Path.of(System.getProperty("user.home"), ".jumpdesk-agent");
        String installerKey = null;
        String jumpGroup = null;
        String tag = null;
        String comments = null;
        boolean uninstall = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("--uninstall") || name.equals("--insecure-development")) {
                uninstall |= name.equals("--uninstall");
                insecure |= name.equals("--insecure-development");
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = rest.remove(0);
            switch (name) {
                case "--site" -> sites.add(siteUri(value));
                case "--site-fingerprint" -> fingerprint = fingerprint(value);
                case "--connect-timeout" -> connectTimeout = seconds(name, value);
                case "--state-dir" -> stateDirectory = Path.of(value);
                case "--installer-key" -> installerKey = value;
                case "--jc-jump-group" -> jumpGroup = value;
                case "--jc-tag" -> tag = value;
                case "--jc-comments" -> comments = value;
                default -> throw new IllegalArgumentException("unknown argument " + name);
            }
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("--site is required");
        }
        for (URI site : sites) {
            if (site.getScheme().equalsIgnoreCase("ws") && !insecure) {
                throw new IllegalArgumentException("--site " + site
                        + " is not encrypted; use wss://, or --insecure-development for a local trial");
            }
        }
        if (fingerprint == null && sites.stream().anyMatch(s -> s.getScheme().equalsIgnoreCase("wss"))) {
            throw new IllegalArgumentException("--site-fingerprint is required with wss:// (the installer carries it)");
        }
        return new AgentOptions(
                List.copyOf(sites),
                fingerprint,
                insecure,
                connectTimeout,
                stateDirectory,
                installerKey,
                jumpGroup,
                tag,
                comments,
                uninstall);
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

    static byte[] fingerprint(String value) {
        String hex = value.replace(":", "").trim();
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            if (bytes.length == 32) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--site-fingerprint must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed; was '" + value
                        + "'");
    }

    private static Duration seconds(String name, String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be a whole number of seconds from 1 to 600, was '" + value + "'");
    }

    /** Hides the installer key from logs. */
    @Override
    public String toString() {
        return "AgentOptions[" + sites + ", " + stateDirectory + "]";
    }
}
