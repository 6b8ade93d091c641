package org.jumpdesk.relay;

import org.jumpdesk.protocol.FileStatus;

/** The agent (or the site's limit) refused a file operation; the representative is shown why. */
public final class FileRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient FileStatus status;
    private final String path;

    public FileRefused(FileStatus status, String path) {
        super(status + ": " + path);
        this.status = status;
        this.path = path;
    }

    public FileStatus status() {
        return status;
    }

    public String path() {
        return path;
    }
}
