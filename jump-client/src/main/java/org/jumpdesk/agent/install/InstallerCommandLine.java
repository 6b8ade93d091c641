package org.jumpdesk.agent.install;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters every installer package takes (SPEC §3.2), in either of the two forms the guide gives:
 * {@code --install-dir <dir> --jc-jump-group <group> --jc-tag <tag> --jc-comments <text> --user <name>}
 * (also {@code --name=value}), or the MSI form {@code installdir=<dir> jc_jump_group=<group> jc_tag=<tag>
 * jc_comments=<text> KEY_INFO=<installer key>}.
 *
 * @param installDir the new directory to install into, or null for the platform's default
 * @param jumpGroup override of the installer's Jump Group, or null
 * @param tag override of the installer's tag, or null
 * @param comments override of the installer's comments, or null
 * @param user the account the Jump Client runs as (Linux), or null for the one installing
 * @param installerKey {@code KEY_INFO}: another installer's key than the package's own, or null
 * @param help {@code --help}: print the usage and install nothing
 */
public record InstallerCommandLine(
        Path installDir,
        String jumpGroup,
        String tag,
        String comments,
        String user,
        String installerKey,
        boolean help) {

    /** The parameters, each with its MSI spelling; the usage text lists them in this order. */
    enum Parameter {
        INSTALL_DIR("--install-dir", "installdir", "<directory>", "a new directory to install into; must not exist"),
        JUMP_GROUP("--jc-jump-group", "jc_jump_group", "<user:name | group>", "the Jump Group"),
        TAG("--jc-tag", "jc_tag", "<tag>", "the tag"),
        COMMENTS("--jc-comments", "jc_comments", "<comments>", "the comments"),
        USER("--user", "user", "<username>", "Linux: the account the Jump Client runs as (required as root)"),
        KEY_INFO(null, "KEY_INFO", "<installer key>", "another installer's key (MSI form only)");

        final String option;
        final String msiName;
        final String value;
        final String meaning;

        Parameter(String option, String msiName, String value, String meaning) {
            this.option = option;
            this.msiName = msiName;
            this.value = value;
            this.meaning = meaning;
        }

        /** How messages name it: both spellings. */
        String names() {
            return option == null ? msiName : option + " (" + msiName + "=)";
        }

        static Optional<Parameter> byOption(String name) {
            return List.of(values()).stream().filter(p -> name.equals(p.option)).findFirst();
        }

        static Optional<Parameter> byMsiName(String name) {
            return List.of(values()).stream()
                    .filter(p -> p.msiName.equalsIgnoreCase(name))
                    .findFirst();
        }
    }

    /** What {@code --help} prints. */
    public static String usage(String command) {
        StringBuilder usage = new StringBuilder("usage: " + command + " [parameters]\n");
        for (Parameter parameter : Parameter.values()) {
            usage.append(String.format(
                    "  %-42s %s%n",
                    (parameter.option == null ? parameter.msiName + "=" : parameter.option + " ") + parameter.value,
                    parameter.meaning));
        }
        usage.append("MSI form, as msiexec passes them: installdir=<directory> jc_jump_group=<group> jc_tag=<tag>"
                + " jc_comments=<comments> KEY_INFO=<key>\n");
        return usage.toString();
    }

    /**
     * Reads the parameters.
     *
     * @throws IllegalArgumentException naming the parameter that is unknown, given twice, or without its value
     */
    public static InstallerCommandLine parse(String... args) {
        Map<Parameter, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--help") || argument.equals("-h") || argument.equals("/?")) {
                help = true;
                continue;
            }
            Parameter parameter;
            String value;
            if (argument.startsWith("--")) {
                int equals = argument.indexOf('=');
                String name = equals < 0 ? argument : argument.substring(0, equals);
                parameter = Parameter.byOption(name).orElseThrow(() -> unknown(argument));
                if (equals >= 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value: " + parameter.value);
                }
            } else if (argument.indexOf('=') > 0) {
                int equals = argument.indexOf('=');
                parameter = Parameter.byMsiName(argument.substring(0, equals)).orElseThrow(() -> unknown(argument));
                value = argument.substring(equals + 1);
            } else {
                throw unknown(argument);
            }
            if (values.containsKey(parameter)) {
                throw new IllegalArgumentException(parameter.names() + " is given twice");
            }
            boolean mayBeEmpty = parameter == Parameter.TAG || parameter == Parameter.COMMENTS;
            if (value.isBlank() && !mayBeEmpty) {
                throw new IllegalArgumentException(parameter.names() + " needs a value: " + parameter.value);
            }
            values.put(parameter, value);
        }
        String installDir = values.get(Parameter.INSTALL_DIR);
        return new InstallerCommandLine(
                installDir == null ? null : Path.of(installDir),
                values.get(Parameter.JUMP_GROUP),
                values.get(Parameter.TAG),
                values.get(Parameter.COMMENTS),
                values.get(Parameter.USER),
                values.get(Parameter.KEY_INFO),
                help);
    }

    /** Hides {@code KEY_INFO} from logs. */
    @Override
    public String toString() {
        return "InstallerCommandLine[" + installDir + ", " + jumpGroup + ", " + tag + ", " + user + "]";
    }

    private static IllegalArgumentException unknown(String argument) {
        String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        return new IllegalArgumentException("unknown parameter '" + name + "' (see --help)");
    }
}
