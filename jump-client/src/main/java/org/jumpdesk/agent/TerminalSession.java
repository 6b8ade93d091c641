package org.jumpdesk.agent;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.ChannelOpen;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.SessionAttach;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.TerminalAck;
import org.jumpdesk.protocol.TerminalResize;

/**
 * One support session on this machine: a connection of its own to the site ({@code /agent-session},
 * dialled out like everything the agent does), and a shell on a real pseudo-terminal running as the
 * agent's user. Output is sent as it comes, but never more than {@link #WINDOW} bytes ahead of what the
 * site has passed on to the representative, so a flood waits instead of piling up anywhere.
 */
final class TerminalSession extends Endpoint {

    /** Output in flight before the agent waits for the site's acknowledgement. */
    static final long WINDOW = 512 * 1024;

    private static final Logger LOG = Logger.getLogger(TerminalSession.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    private final SessionOpen request;
    private final Runnable ended;
    private final Object flow = new Object();
    private long unacknowledged;
    private volatile PtyProcess shell;

    private final URI channelEndpoint;
    private final AgentOptions options;
    /** The session's system information pane: remembers the previous sample for CPU shares. */
    private final SystemInformation system = new SystemInformation();

    private TerminalSession(SessionOpen request, URI channelEndpoint, AgentOptions options, Runnable ended) {
        this.request = request;
        this.channelEndpoint = channelEndpoint;
        this.options = options;
        this.ended = ended;
    }

    /** Answers a jump: dials the site's session endpoint next to the agent endpoint it is connected to. */
    static void open(SessionOpen request, URI agentEndpoint, AgentOptions options) {
        open(request, agentEndpoint, options, () -> {});
    }

    /** Opens the session; {@code ended} runs when it is over, whoever ended it, or when it could not open. */
    static void open(SessionOpen request, URI siteEndpoint, AgentOptions options, Runnable ended) {
        URI sessionEndpoint = siteEndpoint.resolve("/agent-session");
        Thread opener = new Thread(
                () -> {
                    try {
                        SiteDialer.dial(
                                new TerminalSession(request, siteEndpoint.resolve("/agent-channel"), options, ended),
                                sessionEndpoint,
                                options);
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "cannot open session " + request.sessionId(), e);
                        ended.run();
                    }
                },
                "jump-client-session-open");
        opener.setDaemon(true);
        opener.start();
    }

    @Override
    public void onOpen(Session site, EndpointConfig config) {
        try {
            site.getBasicRemote().sendText(CODEC.encode(new SessionAttach(request.sessionId(), request.token())));
            shell = startShell(request.columns(), request.rows());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot start a shell for session " + request.sessionId(), e);
            closeQuietly(site, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "cannot start a shell");
            return;
        }
        site.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::input);
        site.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::control);
        Thread pump = new Thread(() -> pumpOutput(site), "jump-client-session-" + request.sessionId());
        pump.setDaemon(true);
        pump.start();
        LOG.info(() -> "support session " + request.sessionId() + " started");
    }

    private void input(ByteBuffer keystrokes) {
        try {
            OutputStream in = shell.getOutputStream();
            byte[] bytes = new byte[keystrokes.remaining()];
            keystrokes.get(bytes);
            in.write(bytes);
            in.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "the shell no longer reads", e);
        }
    }

    private void control(String text) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "ignoring a session message that is not understood: " + e.getMessage());
            return;
        }
        if (message instanceof TerminalResize resize) {
            shell.setWinSize(new WinSize(resize.columns(), resize.rows()));
        } else if (message instanceof ChannelOpen channel) {
            SessionChannel.open(channel, channelEndpoint, options, system);
        } else if (message instanceof TerminalAck ack) {
            synchronized (flow) {
                unacknowledged -= ack.bytes();
                flow.notifyAll();
            }
        }
    }

    /**
     * Shell output to the site until the shell ends; then the session ends too: normally, or with 1011
     * when the shell could not be executed at all (the site reports that as an internal error).
     */
    private void pumpOutput(Session site) {
        byte[] buffer = new byte[16 * 1024];
        boolean anyOutput = false;
        try (InputStream out = shell.getInputStream()) {
            for (int read = out.read(buffer); read >= 0 && site.isOpen(); read = out.read(buffer)) {
                anyOutput = true;
                awaitWindow(read);
                site.getBasicRemote().sendBinary(ByteBuffer.wrap(buffer, 0, read));
            }
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.FINE, "session output ended", e);
        } finally {
            if (!anyOutput && couldNotExecute(shell)) {
                LOG.warning(() -> "the shell of session " + request.sessionId() + " could not be executed");
                closeQuietly(site, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "cannot start a shell");
            } else {
                closeQuietly(site, CloseReason.CloseCodes.NORMAL_CLOSURE, "the shell ended");
            }
        }
    }

    /**
     * Whether the shell ended with 126 or 127 (POSIX: not executable, not found): pty4j starts a process
     * whose exec fails rather than failing itself.
     */
    static boolean couldNotExecute(PtyProcess process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) && (process.exitValue() == 126 || process.exitValue() == 127);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitWindow(int bytes) throws InterruptedException {
        synchronized (flow) {
            while (unacknowledged > WINDOW) {
                flow.wait(1000);
            }
            unacknowledged += bytes;
        }
    }

    @Override
    public void onClose(Session site, CloseReason reason) {
        PtyProcess running = shell;
        if (running != null) {
            running.destroy();
        }
        LOG.info(() -> "support session " + request.sessionId() + " ended: " + reason.getReasonPhrase());
        ended.run();
    }

    /** The user's login shell on a pseudo-terminal, in the user's home directory. */
    static PtyProcess startShell(int columns, int rows) throws IOException {
        return startShell(shellCommand(), columns, rows);
    }

    static PtyProcess startShell(String[] command, int columns, int rows) throws IOException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TERM", "xterm-256color");
        environment.putIfAbsent("LANG", "C.UTF-8");
        return new PtyProcessBuilder(command)
                .setEnvironment(environment)
                .setDirectory(System.getProperty("user.home"))
                .setInitialColumns(columns)
                .setInitialRows(rows)
                .setRedirectErrorStream(true)
                .start();
    }

    private static String[] shellCommand() {
        if (System.getProperty("os.name").toLowerCase().startsWith("windows")) {
            return new String[] {"cmd.exe"};
        }
        String shell = System.getenv("SHELL");
        if (shell == null || !Files.isExecutable(Path.of(shell))) {
            shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
        }
        return new String[] {shell, "-l"};
    }

    private static void closeQuietly(Session site, CloseReason.CloseCode code, String reason) {
        try {
            if (site.isOpen()) {
                site.close(new CloseReason(code, reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "session connection already closed", e);
        }
    }
}
