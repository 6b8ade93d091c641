package org.jumpdesk.agent;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jumpdesk.protocol.FileStatus;

/**
 * The paths a representative may name: absolute, without {@code .} or {@code ..} segments, without NUL.
 * Tricks are refused rather than resolved, so what the representative sees is exactly what is opened; what
 * the agent's OS user may then read or write is the OS's decision alone (the agent never elevates).
 */
final class RemotePaths {

    private RemotePaths() {}

    /** The requested path, or the agent user's home for an empty one. */
    static Path resolve(String requested) throws FileRefusal {
        if (requested.isEmpty()) {
            return Path.of(System.getProperty("user.home")).toAbsolutePath();
        }
        if (requested.indexOf('\0') >= 0) {
            throw new FileRefusal(FileStatus.INVALID_PATH, requested.replace('\0', '?'));
        }
        for (String segment : requested.split("[/\\\\]")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new FileRefusal(FileStatus.INVALID_PATH, requested);
            }
        }
        try {
            Path path = Path.of(requested);
            if (!path.isAbsolute()) {
                throw new FileRefusal(FileStatus.INVALID_PATH, requested);
            }
            return path.normalize();
        } catch (InvalidPathException e) {
            throw new FileRefusal(FileStatus.INVALID_PATH, requested);
        }
    }
}
