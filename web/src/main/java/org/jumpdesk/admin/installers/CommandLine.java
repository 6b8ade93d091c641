package org.jumpdesk.admin.installers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jumpdesk.installers.download.Platform;

/**
 * A copy-ready mass-deployment command line for one platform, as the result page shows it.
 *
 * @param id the element id the page gives it, e.g. {@code command-linux-headless}
 * @param labelKey the bundle key of its label
 */
public record CommandLine(String id, String labelKey, String text) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:/@+=-]+");

    /**
     * The lines for every platform, with the installer's group, tag and comments written out so that a
     * deployment script can replace them (where the installer allows it) and the key for the MSI form.
     */
    public static List<CommandLine> all(UUID installerId, String key, String jumpGroup, String tag, String comments) {
        List<String> dashed = new ArrayList<>(List.of("--jc-jump-group", sh(jumpGroup)));
        List<String> msi = new ArrayList<>(List.of("KEY_INFO=" + key, "jc_jump_group=" + quoted(jumpGroup)));
        if (tag != null && !tag.isBlank()) {
            dashed.addAll(List.of("--jc-tag", sh(tag)));
            msi.add("jc_tag=" + quoted(tag));
        }
        if (comments != null && !comments.isBlank()) {
            dashed.addAll(List.of("--jc-comments", sh(comments)));
            msi.add("jc_comments=" + quoted(comments));
        }
        String overrides = String.join(" ", dashed);
        String zip = Platform.LINUX.fileName(installerId);
        String macZip = Platform.MACOS.fileName(installerId);
        String windowsZip = Platform.WINDOWS_MSI.fileName(installerId);
        return List.of(
                new CommandLine(
                        "command-linux-headless",
                        "installers.command.linuxHeadless",
                        "sh ./" + Platform.LINUX_HEADLESS.fileName(installerId)
                                + " --install-dir /home/username/jumpclient --user username " + overrides),
                new CommandLine(
                        "command-linux",
                        "installers.command.linux",
                        "unzip " + zip + " -d jumpclient-installer && sh jumpclient-installer/install.sh"
                                + " --install-dir /home/username/jumpclient " + overrides),
                new CommandLine(
                        "command-macos",
                        "installers.command.macos",
                        "unzip " + macZip + " -d jumpclient-installer && sh jumpclient-installer/install.sh "
                                + overrides),
                new CommandLine(
                        "command-windows",
                        "installers.command.windows",
                        "Expand-Archive " + windowsZip + " jumpclient-installer; powershell -ExecutionPolicy Bypass"
                                + " -File jumpclient-installer\\install.ps1 " + String.join(" ", msi)));
    }

    /** A word for {@code sh}, in double quotes as the guide writes them when it needs quoting. */
    static String sh(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "\"" + value.replaceAll("([\\\\\"$`])", "\\\\$1") + "\"";
    }

    /** A {@code NAME="value"} value for msiexec and PowerShell. */
    static String quoted(String value) {
        return PLAIN.matcher(value).matches() ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
