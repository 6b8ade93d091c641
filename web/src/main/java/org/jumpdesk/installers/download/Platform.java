package org.jumpdesk.installers.download;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms the installer wizard offers (SPEC §3.1) and the package each gets. Both Windows choices get
 * the Windows archive with its PowerShell script, which takes the MSI form of the parameters too: no
 * {@code .msi} is built (see the README).
 */
public enum Platform {
    WINDOWS_EXE("windows-exe", "-windows.zip"),
    WINDOWS_MSI("windows-msi", "-windows.zip"),
    MACOS("macos", "-macos.zip"),
    LINUX("linux", "-linux.zip"),
    LINUX_HEADLESS("linux-headless", ".bin");

    private final String parameter;
    private final String suffix;

    Platform(String parameter, String suffix) {
        this.parameter = parameter;
        this.suffix = suffix;
    }

    /** Its name in download links ({@code ?platform=linux-headless}). */
    public String parameter() {
        return parameter;
    }

    /** The downloaded file's name, e.g. {@code jumpclient-<uid>.bin}. */
    public String fileName(Object installerId) {
        return "jumpclient-" + installerId + suffix;
    }

    public boolean windows() {
        return this == WINDOWS_EXE || this == WINDOWS_MSI;
    }

    public static Optional<Platform> byParameter(String parameter) {
        for (Platform platform : values()) {
            if (platform.parameter.equals(parameter)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    /** The platform a browser runs on, from its {@code User-Agent}; Linux desktops get the Linux archive. */
    public static Platform ofUserAgent(String userAgent) {
        String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("windows")) {
            return WINDOWS_MSI;
        }
        if (agent.contains("mac os") || agent.contains("macintosh")) {
            return MACOS;
        }
        return agent.contains("linux") || agent.contains("x11") ? LINUX : LINUX_HEADLESS;
    }
}
