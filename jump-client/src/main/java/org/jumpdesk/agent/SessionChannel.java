package org.jumpdesk.agent;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.ChannelAck;
import org.jumpdesk.protocol.ChannelAttach;
import org.jumpdesk.protocol.ChannelOpen;
import org.jumpdesk.protocol.ChannelReply;
import org.jumpdesk.protocol.FileStatus;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;

/**
 * One request of the representative's file or system information pane, served on a connection of its own
 * that the agent dials ({@code /agent-channel}), so a large transfer never holds up the terminal. Every
 * file operation runs as the agent's OS user on the path the site named ({@link RemotePaths}); the OS
 * decides what that user may touch.
 */
final class SessionChannel extends Endpoint {

    /** How long a transfer waits for the other side before it gives up. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(SessionChannel.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    private final ChannelOpen request;
    private final TransferWindow window = new TransferWindow(TransferWindow.SIZE, PATIENCE);
    /** Upload chunks, handed from the WebSocket thread to the writer; bounded by the site's window. */
    private final BlockingQueue<ByteBuffer> chunks = new LinkedBlockingQueue<>();

    private SessionChannel(ChannelOpen request) {
        this.request = request;
    }

    /** Dials the channel and serves the request on a thread of its own. */
    static void open(ChannelOpen request, URI channelEndpoint, AgentOptions options, SystemInformation system) {
        Thread worker = new Thread(
                () -> {
                    SessionChannel channel = new SessionChannel(request);
                    try {
                        Session site = SiteDialer.dial(channel, channelEndpoint, options);
                        channel.serve(site, system);
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "channel " + request.channelId() + " failed", e);
                    }
                },
                "jump-client-channel-" + request.kind().wireName());
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void onOpen(Session site, EndpointConfig config) {
        site.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::received);
        site.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::control);
    }

    @Override
    public void onClose(Session site, CloseReason reason) {
        window.close();
        chunks.offer(ByteBuffer.allocate(0));
    }

    private void serve(Session site, SystemInformation system) throws IOException, InterruptedException {
        site.getBasicRemote().sendText(CODEC.encode(new ChannelAttach(request.channelId(), request.token())));
        try {
            switch (request.kind()) {
                case LIST -> site.getBasicRemote()
                        .sendText(DirectoryListing.document(RemotePaths.resolve(request.path())));
                case SYSTEM_INFO -> site.getBasicRemote().sendText(system.document());
                case DOWNLOAD -> download(site, RemotePaths.resolve(request.path()));
                case UPLOAD -> upload(site, RemotePaths.resolve(request.path()));
            }
            close(site, CloseCodes.NORMAL_CLOSURE, "done");
        } catch (FileRefusal refusal) {
            LOG.info(() -> "refused " + request.kind().wireName() + ": " + refusal.getMessage());
            reply(site, ChannelReply.refused(refusal.status(), request.path()));
            close(site, CloseCodes.NORMAL_CLOSURE, refusal.status().name());
        } catch (IOException | IllegalStateException e) {
            // Tyrus reports a connection the site closed (e.g. after a download's check) as IllegalStateException.
            LOG.log(Level.FINE, "channel " + request.channelId() + " broke off", e);
            close(site, CloseCodes.UNEXPECTED_CONDITION, "transfer failed");
        }
    }

    private void download(Session site, Path file) throws FileRefusal, IOException, InterruptedException {
        if (Files.isDirectory(file)) {
            throw new FileRefusal(FileStatus.IS_A_DIRECTORY, file.toString());
        }
        InputStream opened;
        long size;
        try {
            opened = Files.newInputStream(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw FileRefusal.of(e, file.toString());
        }
        try (InputStream in = opened) {
            if (size > request.limitBytes()) {
                throw new FileRefusal(FileStatus.TOO_LARGE, file.toString());
            }
            reply(site, new ChannelReply(FileStatus.OK, file.toString(), size));
            FileSending.send(in, size, window, chunk -> site.getBasicRemote().sendBinary(chunk));
        }
    }

    private void upload(Session site, Path file) throws FileRefusal, IOException, InterruptedException {
        if (request.size() > request.limitBytes()) {
            throw new FileRefusal(FileStatus.TOO_LARGE, file.toString());
        }
        try (FileReceiving receiving = FileReceiving.start(file, request.size())) {
            reply(site, new ChannelReply(FileStatus.OK, file.toString(), 0));
            boolean complete = request.size() == 0;
            while (!complete) {
                ByteBuffer chunk = chunks.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (chunk == null || !chunk.hasRemaining() || !site.isOpen()) {
                    throw new IOException("the upload broke off after " + receiving.received() + " bytes");
                }
                int length = chunk.remaining();
                complete = receiving.write(chunk);
                site.getAsyncRemote().sendText(CODEC.encode(new ChannelAck(length)));
            }
            receiving.finish();
            reply(site, new ChannelReply(FileStatus.OK, file.toString(), receiving.received()));
        }
    }

    private void received(ByteBuffer chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.remaining()).put(chunk).flip();
        if (copy.hasRemaining()) {
            chunks.offer(copy);
        }
    }

    private void control(String text) {
        try {
            Message message = CODEC.decode(text);
            if (message instanceof ChannelAck ack) {
                window.acknowledged(ack.bytes());
            }
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "ignoring a channel message that is not understood: " + e.getMessage());
        }
    }

    private static void reply(Session site, ChannelReply reply) throws IOException {
        site.getBasicRemote().sendText(CODEC.encode(reply));
    }

    private static void close(Session site, CloseCodes code, String reason) {
        try {
            if (site.isOpen()) {
                site.close(new CloseReason(code, reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "channel already closed", e);
        }
    }
}
