package org.jumpdesk.agent;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agent.install.PinInstallation;
import org.jumpdesk.protocol.CustomerEnd;
import org.jumpdesk.protocol.CustomerHello;
import org.jumpdesk.protocol.CustomerQueued;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.PinAnswer;
import org.jumpdesk.protocol.PinFailed;
import org.jumpdesk.protocol.PinRequest;
import org.jumpdesk.protocol.RepresentativeJoined;
import org.jumpdesk.protocol.SessionOpen;

/**
 * The attended customer's temporary client: presents the session key, waits for the representative, runs
 * the support session like an agent (same terminal code), and tells the customer in their own terminal
 * who is connected. The customer ends it by typing {@code end}. Nothing is installed and nothing is kept,
 * unless the representative pins the session ({@code pin-request}): then, when the customer allows it (or the
 * session policy does not ask), the client installs itself as a Jump Client with the installers' code and
 * starts it, while the session goes on.
 */
final class CustomerClient extends Endpoint {

    private static final Logger LOG = Logger.getLogger(CustomerClient.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();
    private static final int KEY_REFUSED = 4403;

    private final CustomerOptions options;
    private final PrintStream out;
    private final ResourceBundle texts;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile Session site;

    /** A pin request waiting for the customer's answer on standard input. */
    private final AtomicReference<PinRequest> pendingPin = new AtomicReference<>();

    private volatile boolean pinned;

    /** The customer typed {@code end}: the session's end that follows is theirs. */
    private volatile boolean leaving;

    private CustomerClient(CustomerOptions options, PrintStream out, Locale locale) {
        this.options = options;
        this.out = out;
        this.texts = ResourceBundle.getBundle("org.jumpdesk.agent.customer", locale);
    }

    /**
     * Runs the temporary client until the session ends, the customer leaves, or the site refuses.
     *
     * @return 0 when the session ended, 1 when the site refused the key or could not be reached
     */
    static int run(CustomerOptions options, InputStream in, PrintStream out, Locale locale) {
        CustomerClient client = new CustomerClient(options, out, locale);
        client.say("connecting", options.customerEndpoint().getHost());
        try {
            SiteDialer.dial(client, options.customerEndpoint(), options.dialing());
        } catch (Exception e) {
            client.say("unreachable", SiteConnection.rootMessage(e));
            return 1;
        }
        client.readCommands(in);
        return client.exitCode.join();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        site = session;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onMessage);
        session.getAsyncRemote()
                .sendText(CODEC.encode(new CustomerHello(
                        options.sessionKey(),
                        AgentIdentity.hostname(),
                        AgentIdentity.operatingSystem(),
                        System.getProperty("user.name"))));
    }

    private void onMessage(String text) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "ignoring a message from the site that is not understood: " + e.getMessage());
            return;
        }
        if (message instanceof CustomerQueued queued) {
            say("queued", queued.representative());
        } else if (message instanceof RepresentativeJoined joined) {
            say("joined", joined.representative(), System.getProperty("user.name"));
        } else if (message instanceof SessionOpen session) {
            TerminalSession.open(session, options.customerEndpoint(), options.dialing(), this::sessionOver);
        } else if (message instanceof PinRequest pin) {
            if (pin.ask()) {
                pendingPin.set(pin);
                say("pinAsk", pin.representative(), System.getProperty("user.name"));
            } else {
                say("pinNotAsked", pin.representative());
                send(new PinAnswer(pin.pinId(), true));
                installInBackground(pin);
            }
        }
    }

    /** The customer's answer to the pending pin request, when the line is one; false otherwise. */
    private boolean answerPin(String line) {
        PinRequest pin = pendingPin.get();
        if (pin == null) {
            return false;
        }
        String answer = line.trim().toLowerCase(texts.getLocale());
        boolean yes = Arrays.asList(texts.getString("pinYes").split(",")).contains(answer);
        boolean no = Arrays.asList(texts.getString("pinNo").split(",")).contains(answer);
        if (!yes && !no) {
            say("pinAskAgain");
            return true;
        }
        if (!pendingPin.compareAndSet(pin, null)) {
            return true;
        }
        send(new PinAnswer(pin.pinId(), yes));
        if (yes) {
            installInBackground(pin);
        } else {
            say("pinDenied");
        }
        return true;
    }

    /** Installs off the connection's thread: the session's terminal keeps working meanwhile. */
    private void installInBackground(PinRequest pin) {
        Thread installer = new Thread(() -> install(pin), "jump-client-pin");
        installer.setDaemon(true);
        installer.start();
    }

    private void install(PinRequest pin) {
        say("pinInstalling");
        try {
            Path directory = PinInstallation.installAndStart(pin.packageFile(), agentJar());
            pinned = true;
            say("pinInstalled", directory);
        } catch (PinInstallation.Failed | URISyntaxException | RuntimeException e) {
            LOG.log(Level.FINE, "pin failed", e);
            say("pinFailed", e.getMessage());
            send(new PinFailed(pin.pinId(), String.valueOf(e.getMessage())));
        }
    }

    private static Path agentJar() throws URISyntaxException {
        return Path.of(CustomerClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    private void send(Message message) {
        Session session = site;
        if (session != null && session.isOpen()) {
            session.getAsyncRemote().sendText(CODEC.encode(message));
        }
    }

    /** The terminal session is over, whoever ended it: so is the temporary client. */
    private void sessionOver() {
        if (!exitCode.isDone() && !leaving) {
            say(pinned ? "endedPinned" : "ended");
        }
        close("session over");
        exitCode.complete(0);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        if (code == KEY_REFUSED) {
            say("keyRefused");
            exitCode.complete(1);
        } else if (code == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()) {
            sessionOver();
        } else if (!exitCode.isDone()) {
            say("lost", code + " " + reason.getReasonPhrase());
            exitCode.complete(1);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "customer connection error", failure);
    }

    /**
     * The customer's commands, a line each; {@code end} leaves (the queue, or the session), and while a pin
     * request waits, a line answers it.
     */
    private void readCommands(InputStream in) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (!line.trim().equalsIgnoreCase("end") && answerPin(line)) {
                                continue;
                            }
                            if (line.trim().equalsIgnoreCase("end")) {
                                say("endedByYou");
                                leaving = true;
                                // Sent and closed before the process may exit: the site must read why.
                                site.getBasicRemote().sendText(CODEC.encode(new CustomerEnd()));
                                close("ended by the customer");
                                exitCode.complete(0);
                                return;
                            }
                        }
                    } catch (Exception e) {
                        LOG.log(Level.FINE, "standard input ended", e);
                    }
                },
                "jump-client-customer-input");
        reader.setDaemon(true);
        reader.start();
    }

    private void close(String reason) {
        Session session = site;
        try {
            if (session != null && session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "customer connection already closed", e);
        }
    }

    private void say(String key, Object... arguments) {
        out.println(new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments));
        out.flush();
    }
}
