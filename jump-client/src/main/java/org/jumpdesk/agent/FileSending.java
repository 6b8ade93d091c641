package org.jumpdesk.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** A file cut into chunks for the site, each sent only when the transfer window has room. */
final class FileSending {

    /** Bytes per binary message. */
    static final int CHUNK = 64 * 1024;

    /** Where the chunks go (the channel connection; a test's list). */
    @FunctionalInterface
    interface ChunkSink {
        void send(ByteBuffer chunk) throws IOException;
    }

    private FileSending() {}

    /**
     * Sends exactly {@code size} bytes of the stream: the size announced to the site before the first chunk.
     * A file that grew meanwhile is cut at that size. Returns once the site acknowledged them all, so the
     * channel may then be closed without losing any.
     *
     * @throws IOException when the stream ends early (the file shrank), or the site stops acknowledging
     */
    static long send(InputStream in, long size, TransferWindow window, ChunkSink sink)
            throws IOException, InterruptedException {
        byte[] buffer = new byte[CHUNK];
        long sent = 0;
        while (sent < size) {
            int read = in.readNBytes(buffer, 0, (int) Math.min(CHUNK, size - sent));
            if (read == 0) {
                throw new IOException("the file ended after " + sent + " of " + size + " bytes");
            }
            window.acquire(read);
            sink.send(ByteBuffer.wrap(buffer, 0, read));
            sent += read;
        }
        window.awaitAcknowledged();
        return sent;
    }
}
