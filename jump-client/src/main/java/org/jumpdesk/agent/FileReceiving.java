package org.jumpdesk.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jumpdesk.protocol.FileStatus;

/**
 * An upload being written: into a hidden part file next to the target, renamed to the target only once all
 * announced bytes are there, so a broken transfer never leaves a truncated file under the real name.
 */
final class FileReceiving implements AutoCloseable {

    private final Path target;
    private final Path part;
    private final long size;
    private final FileChannel out;
    private long received;
    private boolean finished;

    private FileReceiving(Path target, Path part, long size, FileChannel out) {
        this.target = target;
        this.part = part;
        this.size = size;
        this.out = out;
    }

    /**
     * Starts an upload of {@code size} bytes to {@code target}, which must not exist yet.
     *
     * @throws FileRefusal when the target exists or is a directory, its directory is missing or not one, or
     *     the agent's user may not write there
     */
    static FileReceiving start(Path target, long size) throws FileRefusal {
        Path directory = target.getParent();
        if (directory == null || target.getFileName() == null) {
            throw new FileRefusal(FileStatus.INVALID_PATH, target.toString());
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileRefusal(FileStatus.IS_A_DIRECTORY, target.toString());
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileRefusal(FileStatus.ALREADY_EXISTS, target.toString());
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new FileRefusal(FileStatus.NOT_A_DIRECTORY, directory.toString());
        }
        Path part = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            return new FileReceiving(
                    target,
                    part,
                    size,
                    FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw FileRefusal.of(e, target.toString());
        }
    }

    /**
     * Writes one chunk.
     *
     * @return true when all announced bytes are written (then {@link #finish()})
     * @throws FileRefusal {@code FAILED} for more bytes than announced, or when the disk refuses
     */
    boolean write(ByteBuffer chunk) throws FileRefusal {
        if (received + chunk.remaining() > size) {
            throw new FileRefusal(FileStatus.FAILED, target + ": more than the announced " + size + " bytes");
        }
        try {
            while (chunk.hasRemaining()) {
                received += out.write(chunk);
            }
        } catch (IOException e) {
            throw FileRefusal.of(e, target.toString());
        }
        return received == size;
    }

    long received() {
        return received;
    }

    /** Puts the complete file under its name; refuses if another file took the name meanwhile. */
    void finish() throws FileRefusal {
        try {
            out.force(true);
            out.close();
            // Same directory, so a rename; without REPLACE_EXISTING it never overwrites a file made meanwhile.
            Files.move(part, target);
            finished = true;
        } catch (IOException e) {
            throw FileRefusal.of(e, target.toString());
        }
    }

    /** Drops the part file unless the upload finished. */
    @Override
    public void close() throws IOException {
        out.close();
        if (!finished) {
            Files.deleteIfExists(part);
        }
    }
}
