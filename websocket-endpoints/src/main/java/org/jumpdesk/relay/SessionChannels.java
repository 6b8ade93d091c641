package org.jumpdesk.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jumpdesk.protocol.ChannelKind;
import org.jumpdesk.protocol.ChannelOpen;
import org.jumpdesk.protocol.ChannelReply;
import org.jumpdesk.protocol.FileStatus;
import org.jumpdesk.protocol.MessageCodec;

/**
 * The files and system information of the sessions this node relays. Each request asks the agent, over the
 * session's own connection, to dial a channel ({@code /agent-channel}) with a one-time token, and serves
 * it on the caller's thread. Files pass in chunks under a window of {@link #WINDOW} bytes each way: the site
 * holds at most that much of a file, whatever its size. Authorization is the caller's: only the session's
 * representative may come here (see {@code SessionFileTransfers.requireRepresentative}).
 */
@ApplicationScoped
public class SessionChannels {

    /** Bytes of an upload sent ahead of the agent's acknowledgements (the agent uses the same for downloads). */
    static final long WINDOW = 1024 * 1024;

    static final int CHUNK = 64 * 1024;

    /** How long the agent may take to dial, answer or acknowledge. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MessageCodec CODEC = new MessageCodec();

    @Inject
    private SessionRelay relay;

    /** Channels asked for and not yet closed: per-connection state of this node. */
    private final Map<UUID, ChannelConnection> pending = new ConcurrentHashMap<>();

    /** What a download tells its receiver before the first byte. */
    public interface DownloadTarget {
        OutputStream start(String path, long size) throws IOException;
    }

    /** One directory's {@code directory} document (an empty path is the agent user's home). */
    public String list(UUID sessionId, String path) throws IOException, FileRefused, InterruptedException {
        try (ChannelConnection channel = open(sessionId, ChannelKind.LIST, path, 0, 0)) {
            return channel.document(PATIENCE);
        }
    }

    /** The machine's statistics and process list, as a {@code system-info} document. */
    public String systemInformation(UUID sessionId) throws IOException, FileRefused, InterruptedException {
        try (ChannelConnection channel = open(sessionId, ChannelKind.SYSTEM_INFO, "", 0, 0)) {
            return channel.document(PATIENCE);
        }
    }

    /** A file the agent would send: its full path on the agent's machine and its size. */
    public record RemoteFile(String path, long size) {}

    /**
     * Asks the agent for a file as {@link #download} does and hangs up after its answer, before any byte is
     * taken: what a download would start with, or its refusal.
     *
     * @throws FileRefused when the agent refuses (not found, permission denied, larger than {@code limit}, ...)
     */
    public RemoteFile check(UUID sessionId, String path, long limit)
            throws IOException, FileRefused, InterruptedException {
        try (ChannelConnection channel = open(sessionId, ChannelKind.DOWNLOAD, path, 0, limit)) {
            return offered(channel, limit);
        }
    }

    /**
     * Streams a file from the agent to the target, acknowledging each chunk once the target took it.
     *
     * @return the bytes passed on
     * @throws FileRefused when the agent refuses (not found, permission denied, larger than {@code limit}, ...)
     */
    public long download(UUID sessionId, String path, long limit, DownloadTarget target)
            throws IOException, FileRefused, InterruptedException {
        try (ChannelConnection channel = open(sessionId, ChannelKind.DOWNLOAD, path, 0, limit)) {
            RemoteFile file = offered(channel, limit);
            OutputStream out = target.start(file.path(), file.size());
            long passed = 0;
            while (passed < file.size()) {
                requireRunning(sessionId);
                byte[] chunk = channel.chunk(PATIENCE);
                out.write(chunk);
                passed += chunk.length;
                channel.session.transferred(0, chunk.length);
                channel.acknowledge(chunk.length);
            }
            out.flush();
            return passed;
        }
    }

    /**
     * Streams {@code size} bytes to a new file on the agent, never more than the window ahead of what the
     * agent has written.
     *
     * @return the bytes the agent stored
     * @throws FileRefused when the file is larger than {@code limit}, or the agent refuses (exists, permission
     *     denied, ...)
     */
    public long upload(UUID sessionId, String path, long size, long limit, InputStream in)
            throws IOException, FileRefused, InterruptedException {
        if (size > limit) {
            throw new FileRefused(FileStatus.TOO_LARGE, path);
        }
        try (ChannelConnection channel = open(sessionId, ChannelKind.UPLOAD, path, size, limit)) {
            channel.reply(PATIENCE, bytes -> {});
            long[] unacknowledged = {0};
            byte[] buffer = new byte[CHUNK];
            long sent = 0;
            while (sent < size) {
                requireRunning(sessionId);
                int read = in.readNBytes(buffer, 0, (int) Math.min(CHUNK, size - sent));
                if (read == 0) {
                    throw new ChannelFailure(
                            ChannelFailure.Reason.NO_ANSWER, "the browser sent " + sent + " of " + size + " bytes");
                }
                while (unacknowledged[0] + read > WINDOW) {
                    unacknowledged[0] -= channel.acknowledgement(PATIENCE);
                }
                channel.send(ByteBuffer.wrap(buffer, 0, read));
                unacknowledged[0] += read;
                sent += read;
                channel.session.transferred(read, 0);
            }
            return channel.reply(PATIENCE, bytes -> unacknowledged[0] -= bytes).size();
        }
    }

    /** The agent's answer to a download before its first byte. */
    private static RemoteFile offered(ChannelConnection channel, long limit)
            throws ChannelFailure, FileRefused, InterruptedException {
        ChannelReply header = channel.reply(PATIENCE, bytes -> {});
        if (header.size() > limit) {
            throw new FileRefused(FileStatus.TOO_LARGE, header.path());
        }
        return new RemoteFile(header.path(), header.size());
    }

    /** A transfer stops with its session: whoever ended it ended the files moving in it too. */
    private RelayedSession requireRunning(UUID sessionId) throws ChannelFailure {
        return relay.find(sessionId)
                .filter(RelayedSession::agentAttached)
                .orElseThrow(() -> new ChannelFailure(
                        ChannelFailure.Reason.SESSION_NOT_RUNNING, "session " + sessionId + " is not relayed here"));
    }

    private ChannelConnection open(UUID sessionId, ChannelKind kind, String path, long size, long limit)
            throws ChannelFailure, InterruptedException {
        RelayedSession session = requireRunning(sessionId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        UUID id = UUID.randomUUID();
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ChannelConnection channel = new ChannelConnection(id, token, session, () -> pending.remove(id));
        pending.put(id, channel);
        try {
            session.toAgent(CODEC.encode(new ChannelOpen(id, token, kind, path, size, limit)));
            channel.awaitAttached(PATIENCE);
            return channel;
        } catch (ChannelFailure | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The agent's channel connection presents its token; a channel is attached once. */
    Optional<ChannelConnection> attach(UUID channelId, String token, jakarta.websocket.Session agentChannel) {
        ChannelConnection channel = pending.get(channelId);
        if (channel == null
                || !MessageDigest.isEqual(
                        channel.token.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return channel.attach(agentChannel) ? Optional.of(channel) : Optional.empty();
    }
}
