package org.jumpdesk.agent.install;

/** Why an installation was refused, and the installer's exit code for it. */
final class InstallFailure extends RuntimeException {

    /** The command line is wrong: unknown parameter, missing value, an override the installer forbids. */
    static final int COMMAND_LINE = 2;
    /** The install directory exists, or cannot be created or written. */
    static final int DIRECTORY = 3;
    /** The account: unknown {@code --user}, root without {@code --user}, service mode without root. */
    static final int ACCOUNT = 4;
    /** Anything else (reading the package, copying files). */
    static final int FAILED = 1;

    private final int exitCode;

    InstallFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    InstallFailure(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = FAILED;
    }

    int exitCode() {
        return exitCode;
    }
}
