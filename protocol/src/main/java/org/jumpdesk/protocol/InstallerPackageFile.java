package org.jumpdesk.protocol;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code jumpclient.properties}, the file the site puts into every installer package it builds on download
 * and the installer reads: where the site is, which certificate to trust, the installer's key and what the
 * installer allows at install time.
 *
 * @param sites the site's agent addresses, tried in order
 * @param certificateFingerprint SHA-256 of the site certificate, hexadecimal with colons
 * @param installerId the installer's id (the {@code <uid>} of the package's name)
 * @param installerKey the key the first start registers with
 * @param validUntil the end of the installer's validity: the first start must come before it
 * @param serviceMode whether the installer installs in service mode (needs root on Linux)
 * @param jumpGroup the installer's Jump Group
 * @param tag the installer's tag, or empty
 * @param comments the installer's comments, or empty
 * @param jumpGroupOverride whether {@code --jc-jump-group} may change the group
 * @param tagOverride whether {@code --jc-tag} may change the tag
 * @param commentsOverride whether {@code --jc-comments} may change the comments
 */
public record InstallerPackageFile(
        List<URI> sites,
        String certificateFingerprint,
        String installerId,
        String installerKey,
        Instant validUntil,
        boolean serviceMode,
        String jumpGroup,
        String tag,
        String comments,
        boolean jumpGroupOverride,
        boolean tagOverride,
        boolean commentsOverride) {

    /** The file's name inside a package. */
    public static final String NAME = "jumpclient.properties";

    /** The file's text. */
    public String text() {
        Properties properties = new Properties();
        properties.setProperty(
                "sites", String.join(" ", sites.stream().map(URI::toString).toList()));
        properties.setProperty("site-fingerprint", certificateFingerprint);
        properties.setProperty("installer-id", installerId);
        properties.setProperty("installer-key", installerKey);
        properties.setProperty("valid-until", validUntil.toString());
        properties.setProperty("install-mode", serviceMode ? "service" : "user");
        properties.setProperty("jump-group", jumpGroup);
        properties.setProperty("tag", tag == null ? "" : tag);
        properties.setProperty("comments", comments == null ? "" : comments);
        properties.setProperty("override.jump-group", Boolean.toString(jumpGroupOverride));
        properties.setProperty("override.tag", Boolean.toString(tagOverride));
        properties.setProperty("override.comments", Boolean.toString(commentsOverride));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "JumpDesk installer package");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException when an entry is missing or malformed
     */
    public static InstallerPackageFile read(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        return new InstallerPackageFile(
                Arrays.stream(required(properties, "sites").split(" "))
                        .map(URI::create)
                        .toList(),
                required(properties, "site-fingerprint"),
                required(properties, "installer-id"),
                required(properties, "installer-key"),
                Instant.parse(required(properties, "valid-until")),
                required(properties, "install-mode").equals("service"),
                required(properties, "jump-group"),
                properties.getProperty("tag", ""),
                properties.getProperty("comments", ""),
                Boolean.parseBoolean(properties.getProperty("override.jump-group")),
                Boolean.parseBoolean(properties.getProperty("override.tag")),
                Boolean.parseBoolean(properties.getProperty("override.comments")));
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(NAME + " has no '" + name + "'");
        }
        return value;
    }

    /** Hides the key from logs. */
    @Override
    public String toString() {
        return "InstallerPackageFile[" + installerId + ", " + sites + "]";
    }
}
