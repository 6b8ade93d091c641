package org.jumpdesk.agent;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.jumpdesk.protocol.FileStatus;

/** A file operation the agent refuses, with the status the representative is shown. */
final class FileRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient FileStatus status;

    FileRefusal(FileStatus status, String path) {
        super(status + ": " + path);
        this.status = status;
    }

    FileStatus status() {
        return status;
    }

    /** What the OS said, as the representative's status: the OS is the only judge of what the user may do. */
    static FileRefusal of(IOException failure, String path) {
        FileStatus status;
        if (failure instanceof NoSuchFileException) {
            status = FileStatus.NOT_FOUND;
        } else if (failure instanceof AccessDeniedException) {
            status = FileStatus.PERMISSION_DENIED;
        } else if (failure instanceof NotDirectoryException) {
            status = FileStatus.NOT_A_DIRECTORY;
        } else if (failure instanceof FileAlreadyExistsException) {
            status = FileStatus.ALREADY_EXISTS;
        } else if (failure instanceof FileSystemException fs && "Is a directory".equals(fs.getReason())) {
            status = FileStatus.IS_A_DIRECTORY;
        } else {
            status = FileStatus.FAILED;
        }
        return new FileRefusal(status, path);
    }
}
