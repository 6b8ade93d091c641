package org.jumpdesk.agent;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The temporary client's command line: {@code --session-key <key> --site <url>}, optionally
 * {@code --site-fingerprint} (pins the certificate instead of trusting the system's authorities) and
 * {@code --insecure-development} (allows {@code http://}).
 *
 * @param customerEndpoint where the customer connects: {@code wss://<site host>/customer}
 */
record CustomerOptions(URI customerEndpoint, String sessionKey, byte[] certificateFingerprint, boolean insecure) {

    static final String USAGE = "usage: java -jar jump-client.jar --session-key <key from your representative>"
            + " --site <https://site.example.com> [--site-fingerprint <SHA-256 of the site certificate>]"
            + " [--insecure-development (allows http://)]";

    /** Whether these arguments ask for the temporary client rather than an installed agent. */
    static boolean requested(String... args) {
        return List.of(args).contains("--session-key");
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the argument that is wrong and what was expected
     */
    static CustomerOptions parse(String... args) {
        String site = null;
        String key = null;
        byte[] fingerprint = null;
        boolean insecure = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("--insecure-development")) {
                insecure = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = rest.remove(0);
            switch (name) {
                case "--site" -> site = value;
                case "--session-key" -> key = value;
                case "--site-fingerprint" -> fingerprint = AgentOptions.fingerprint(value);
                default -> throw new IllegalArgumentException("unknown argument " + name);
            }
        }
        if (key == null || !key.replaceAll("[\\s-]", "").matches("\\d{12}")) {
            throw new IllegalArgumentException(
                    "--session-key must be the 12-digit key your representative gave you, e.g. 1234-5678-9012");
        }
        if (site == null) {
            throw new IllegalArgumentException("--site is required: the address your representative gave you");
        }
        return new CustomerOptions(customerEndpoint(site, insecure), key, fingerprint, insecure);
    }

    /** The customer endpoint on the site's host: any of https://, wss:// (http://, ws:// for trials) works. */
    static URI customerEndpoint(String site, boolean insecure) {
        URI uri;
        try {
            uri = URI.create(site.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--site must be an address such as https://site.example.com, was '" + site + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean encrypted = scheme.equals("https") || scheme.equals("wss");
        if (!encrypted && !scheme.equals("http") && !scheme.equals("ws") || uri.getHost() == null) {
            throw new IllegalArgumentException("--site must be an https:// address with a host, was '" + site + "'");
        }
        if (!encrypted && !insecure) {
            throw new IllegalArgumentException(
                    "--site " + site + " is not encrypted; use https://, or --insecure-development for a local trial");
        }
        String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return URI.create((encrypted ? "wss://" : "ws://") + authority + "/customer");
    }

    /** What the session connection is dialled with: the same trust as the customer connection. */
    AgentOptions dialing() {
        return new AgentOptions(
                List.of(customerEndpoint),
                certificateFingerprint,
                insecure,
                Duration.ofSeconds(10),
                null,
                null,
                null,
                null,
                null,
                false);
    }

    /** Hides the session key from logs. */
    @Override
    public String toString() {
        return "CustomerOptions[" + customerEndpoint + "]";
    }
}
