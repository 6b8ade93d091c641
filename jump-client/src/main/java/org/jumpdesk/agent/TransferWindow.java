package org.jumpdesk.agent;

import java.io.IOException;
import java.time.Duration;

/**
 * Flow control for one file transfer: the sender keeps at most {@link #SIZE} bytes unacknowledged, so a
 * file is never buffered whole anywhere on its way (the site holds at most a window of it in memory).
 */
final class TransferWindow {

    /** Bytes in flight before the sender waits: enough to keep a LAN link busy, small for the site's heap. */
    static final long SIZE = 1024 * 1024;

    private final long size;
    private final Duration patience;
    private long unacknowledged;
    private boolean closed;

    TransferWindow(long size, Duration patience) {
        this.size = size;
        this.patience = patience;
    }

    /** Waits until {@code bytes} more may be sent. */
    synchronized void acquire(int bytes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!closed && unacknowledged > 0 && unacknowledged + bytes > size) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("no acknowledgement within " + patience);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed) {
            throw new IOException("the transfer was closed");
        }
        unacknowledged += bytes;
    }

    /**
     * Waits until everything sent is acknowledged, or the connection is gone. Closing earlier drops the
     * file's tail: a socket closed with acknowledgements still unread is reset, and the receiver loses what
     * it had not read yet.
     */
    synchronized void awaitAcknowledged() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!closed && unacknowledged > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("no acknowledgement of the last " + unacknowledged + " bytes within " + patience);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void acknowledged(long bytes) {
        unacknowledged = Math.max(0, unacknowledged - bytes);
        notifyAll();
    }

    synchronized long unacknowledged() {
        return unacknowledged;
    }

    /** Wakes a waiting sender for good: the connection is gone. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
