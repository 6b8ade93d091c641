package org.jumpdesk.relay;

import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.protocol.ChannelAck;
import org.jumpdesk.protocol.ChannelReply;
import org.jumpdesk.protocol.FileStatus;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;

/**
 * One channel connection an agent dialled for one request, seen from the request's thread (a servlet's):
 * what the agent sent waits in an inbox, which the agent's transfer window keeps to at most one window of
 * file bytes, so a download never piles up in the site's heap.
 */
final class ChannelConnection implements AutoCloseable {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Object CLOSED = new Object();

    final UUID id;
    final String token;
    final RelayedSession session;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile Session agent;
    private final Runnable forget;

    ChannelConnection(UUID id, String token, RelayedSession session, Runnable forget) {
        this.id = id;
        this.token = token;
        this.session = session;
        this.forget = forget;
    }

    /** False when a connection already attached: the token works once. */
    synchronized boolean attach(Session agentChannel) {
        if (agent != null) {
            return false;
        }
        agent = agentChannel;
        attached.countDown();
        return true;
    }

    void received(String text) {
        inbox.add(text);
    }

    void received(ByteBuffer chunk) {
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        inbox.add(copy);
    }

    void closedByAgent() {
        inbox.add(CLOSED);
    }

    void awaitAttached(Duration patience) throws ChannelFailure, InterruptedException {
        if (!attached.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "the agent did not dial channel " + id);
        }
    }

    /** The next text: a document, or the agent's {@link ChannelReply}. */
    String text(Duration patience) throws ChannelFailure, InterruptedException {
        Object next = next(patience);
        if (next instanceof String text) {
            return text;
        }
        throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "expected a text message on channel " + id);
    }

    /** A document the agent sent ({@code directory}, {@code system-info}), or its refusal. */
    String document(Duration patience) throws ChannelFailure, FileRefused, InterruptedException {
        String text = text(patience);
        Message message = decodeIfMessage(text);
        if (message instanceof ChannelReply reply) {
            throw new FileRefused(reply.status(), reply.path());
        }
        return text;
    }

    /** The agent's go-ahead or result; a refusal is thrown. Acknowledgements on the way are passed to {@code acks}. */
    ChannelReply reply(Duration patience, java.util.function.LongConsumer acks)
            throws ChannelFailure, FileRefused, InterruptedException {
        while (true) {
            Message message = decodeIfMessage(text(patience));
            if (message instanceof ChannelAck ack) {
                acks.accept(ack.bytes());
            } else if (message instanceof ChannelReply reply) {
                if (reply.status() != FileStatus.OK) {
                    throw new FileRefused(reply.status(), reply.path());
                }
                return reply;
            } else {
                throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "unexpected message on channel " + id);
            }
        }
    }

    /** The next acknowledgement of an upload; the agent's reply now can only be a refusal. */
    long acknowledgement(Duration patience) throws ChannelFailure, FileRefused, InterruptedException {
        Message message = decodeIfMessage(text(patience));
        if (message instanceof ChannelAck ack) {
            return ack.bytes();
        }
        if (message instanceof ChannelReply reply && reply.status() != FileStatus.OK) {
            throw new FileRefused(reply.status(), reply.path());
        }
        throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "expected an acknowledgement on channel " + id);
    }

    /** The next file chunk. */
    byte[] chunk(Duration patience) throws ChannelFailure, InterruptedException {
        Object next = next(patience);
        if (next instanceof byte[] chunk) {
            return chunk;
        }
        throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "expected file bytes on channel " + id);
    }

    void acknowledge(long bytes) {
        Session channel = agent;
        if (channel != null && channel.isOpen()) {
            channel.getAsyncRemote().sendText(CODEC.encode(new ChannelAck(bytes)));
        }
    }

    /** Sends a chunk of an upload; blocks while the socket is busy. */
    void send(ByteBuffer chunk) throws IOException {
        Session channel = agent;
        if (channel == null || !channel.isOpen()) {
            throw new ChannelFailure(ChannelFailure.Reason.NO_ANSWER, "channel " + id + " is closed");
        }
        synchronized (this) {
            channel.getBasicRemote().sendBinary(chunk);
        }
    }

    private Object next(Duration patience) throws ChannelFailure, InterruptedException {
        Object next = inbox.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null || next == CLOSED) {
            throw new ChannelFailure(
                    ChannelFailure.Reason.NO_ANSWER,
                    "channel " + id + (next == null ? " got no answer in " + patience : " closed early"));
        }
        return next;
    }

    private static Message decodeIfMessage(String text) {
        try {
            return CODEC.decode(text);
        } catch (MalformedMessageException e) {
            return null;
        }
    }

    @Override
    public void close() {
        forget.run();
        Sockets.close(agent, CloseCodes.NORMAL_CLOSURE, "done");
    }
}
