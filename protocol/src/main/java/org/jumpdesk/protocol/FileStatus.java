package org.jumpdesk.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a file operation on the agent ended. Everything but {@link #OK} is shown to the representative in
 * the console's language; the agent decides, since only it sees its own file system.
 */
public enum FileStatus {
    OK,
    /** Nothing at that path (or a parent directory is missing). */
    NOT_FOUND,
    /** The agent's OS user may not read (or write) there. */
    PERMISSION_DENIED,
    /** A listing of something that is not a directory, or an upload into one. */
    NOT_A_DIRECTORY,
    /** A download of a directory, or an upload over one. */
    IS_A_DIRECTORY,
    /** Not an absolute path, or one with {@code .}/{@code ..} segments or NUL characters. */
    INVALID_PATH,
    /** An upload would replace an existing file. */
    ALREADY_EXISTS,
    /** Larger than the site's file transfer limit. */
    TOO_LARGE,
    /** The transfer broke off (connection lost, disk full, the file changed). */
    FAILED;

    public static Optional<FileStatus> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
