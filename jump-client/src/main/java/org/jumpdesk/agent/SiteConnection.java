package org.jumpdesk.agent;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.Availability;
import org.jumpdesk.protocol.Challenge;
import org.jumpdesk.protocol.Heartbeat;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.RestartRetry;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.Uninstalling;
import org.jumpdesk.protocol.UpdateAvailable;
import org.jumpdesk.protocol.Welcome;

/**
 * Keeps in touch with the site: registers on the first start, says hello, and then either stays connected
 * sending heartbeats and statistics at the site's intervals (active mode) or reports and disconnects,
 * checking in again at the site's interval (passive mode). Reconnects with backoff when a connection is
 * lost, and every few seconds for a while when the site closed it for a restart ({@link RestartRetry}).
 * A refusal that retrying cannot cure (invalid installer, client deleted or uninstalled) ends the agent with a message.
 */
final class SiteConnection extends Endpoint {

    private static final Logger LOG = Logger.getLogger(SiteConnection.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    /**
     * Close codes after which retrying cannot help: the installer key is refused (4403), the client was
     * deleted (4404) or uninstalled (4410), or the agent sent what the site cannot accept (1007, 1008).
     */
    private static final Set<Integer> FINAL_REFUSALS = Set.of(4403, 4404, 4410, 1007, 1008);

    /**
     * A license limit (4409). Final for a registration (the installer's first start reports it); a
     * registered client keeps trying.
     */
    private static final int LIMIT_REACHED = 4409;

    /**
     * Not a close code but the agent's own verdict: out of reach of the site for longer than the offline
     * limit, after which the site has uninstalled the client, so the agent removes itself (treated like
     * 4410).
     */
    static final int OFFLINE_LIMIT_PASSED = 4410;

    /** Registration attempts ended abnormally (1006) that are retried within two seconds; then the backoff. */
    private static final int QUICK_REGISTRATION_RETRIES = 30;

    private final AgentOptions options;
    private final BiConsumer<Integer, String> refused;
    private final AgentIdentity identity;
    private final ScheduledExecutorService scheduler;

    private final Random random = new Random();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
    private int quickRegistrationRetries;
    /** When the site last closed the connection for a restart (System.nanoTime), until the next welcome. */
    private volatile Long restartAnnounced;

    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> statistics;
    private String nonce;
    private URI connectedTo;
    /** Passive mode: seconds until the next check-in; 0 while active. */
    private volatile int checkInAgainSeconds;

    private final LocalControl control;
    private final SelfUpdate selfUpdate;
    private final Runnable restartForUpdate;
    private String mode;
    private boolean reportedDisabled;
    private volatile boolean updating;

    SiteConnection(
            AgentOptions options,
            AgentIdentity identity,
            LocalControl control,
            SelfUpdate selfUpdate,
            ScheduledExecutorService scheduler,
            BiConsumer<Integer, String> refused,
            Runnable restartForUpdate) {
        this.options = options;
        this.selfUpdate = selfUpdate;
        this.restartForUpdate = restartForUpdate;
        this.refused = refused;
        this.identity = identity;
        this.scheduler = scheduler;
        this.control = control;
    }

    void start() {
        scheduler.execute(this::connect);
    }

    /** Tries each site address in order; when none answers, waits with backoff and starts again. */
    private void connect() {
        StringBuilder failures = new StringBuilder();
        Long announced = restartAnnounced;
        Duration handshakeTimeout = announced == null
                ? options.connectTimeout()
                : RestartRetry.handshakeTimeout(
                        Duration.ofNanos(System.nanoTime() - announced), options.connectTimeout());
        for (URI site : options.sites()) {
            try {
                SiteDialer.dial(this, site, options, handshakeTimeout);
                connectedTo = site;
                return;
            } catch (DeploymentException | IOException e) {
                LOG.log(Level.FINE, "connection attempt to " + site + " failed", e);
                failures.append(failures.length() == 0 ? "" : "; ")
                        .append(site)
                        .append(": ")
                        .append(rootMessage(e));
            }
        }
        if (control.offlineLimitPassed(Instant.now())) {
            refused.accept(OFFLINE_LIMIT_PASSED, "the site has not been reachable for longer than its offline limit");
            return;
        }
        retryLater("cannot reach the site (" + failures + ")");
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onMessage(session, text));
    }

    private void onMessage(Session session, String text) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "ignoring a message from the site that is not understood: " + e.getMessage());
            return;
        }
        if (message instanceof Challenge challenge) {
            nonce = challenge.nonce();
            Message answer =
                    identity.clientId().isPresent() ? identity.hello(nonce) : identity.registration(options, nonce);
            session.getAsyncRemote().sendText(CODEC.encode(answer));
        } else if (message instanceof Registered registered) {
            identity.registered(registered.clientId());
            selfUpdate.trust(registered.siteKey());
            LOG.info(() -> "Registered with " + connectedTo + " as Jump Client " + registered.clientId() + " ("
                    + registered.mode() + ")");
            session.getAsyncRemote().sendText(CODEC.encode(identity.hello(nonce)));
        } else if (message instanceof UpdateAvailable update) {
            update(session, update);
        } else if (message instanceof SessionOpen jump) {
            TerminalSession.open(jump, connectedTo, options);
        } else if (message instanceof Welcome welcome) {
            backoff.reset();
            restartAnnounced = null;
            selfUpdate.trust(welcome.siteKey());
            control.contacted(Instant.now(), welcome.offlineLimitDays());
            LOG.info(() -> "Connected to " + connectedTo + " as Jump Client " + welcome.clientId());
            if (options.uninstall()) {
                session.getAsyncRemote().sendText(CODEC.encode(new Uninstalling()));
                return;
            }
            if (welcome.passive()) {
                checkInAgainSeconds = welcome.checkInSeconds();
                session.getAsyncRemote().sendText(CODEC.encode(MachineProbe.sample()));
                closeQuietly(session, "checked in");
                return;
            }
            checkInAgainSeconds = 0;
            mode = welcome.mode();
            reportAvailability(session, true);
            scheduleHeartbeats(session, welcome.heartbeatSeconds(), welcome.statisticsSeconds());
        }
    }

    /**
     * The site runs another version: fetch and check it, then end this connection and restart with it.
     * When it does not check out the agent carries on as it is, and the site offers it again later.
     */
    private void update(Session session, UpdateAvailable update) {
        LOG.info(() -> "the site offers version " + update.version() + "; updating");
        Optional<String> refusal = selfUpdate.stage(update, connectedTo);
        if (refusal.isPresent()) {
            LOG.warning(() -> "not updating: " + refusal.get());
            return;
        }
        updating = true;
        closeQuietly(session, "updating to " + update.version());
        restartForUpdate.run();
    }

    private void scheduleHeartbeats(Session session, int heartbeatSeconds, int statisticsSeconds) {
        cancelHeartbeats();
        String heartbeat = CODEC.encode(new Heartbeat());
        heartbeats = scheduler.scheduleAtFixedRate(
                () -> {
                    session.getAsyncRemote().sendText(heartbeat);
                    reportAvailability(session, false);
                },
                heartbeatSeconds,
                heartbeatSeconds,
                TimeUnit.SECONDS);
        statistics = scheduler.scheduleAtFixedRate(
                () -> session.getAsyncRemote().sendText(CODEC.encode(MachineProbe.sample())),
                0,
                statisticsSeconds,
                TimeUnit.SECONDS);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        cancelHeartbeats();
        control.writeStatus(
                String.valueOf(connectedTo),
                identity.clientId().map(UUID::toString).orElse(null),
                mode,
                false);
        if (updating) {
            return;
        }
        int code = reason.getCloseCode().getCode();
        String why = "the site closed the connection (" + code + " " + reason.getReasonPhrase() + ")";
        if (FINAL_REFUSALS.contains(code) || identity.clientId().isEmpty() && code == LIMIT_REACHED) {
            refused.accept(code, why);
            return;
        }
        Integer retryAfter = retryAfterSeconds(reason);
        if (retryAfter != null) {
            LOG.info(() -> "the site is busy admitting agents; trying again in " + retryAfter + " s");
            scheduler.schedule(this::connect, retryAfter * 1000L + random.nextInt(1000), TimeUnit.MILLISECONDS);
            return;
        }
        if (RestartRetry.announced(code)) {
            restartAnnounced = System.nanoTime();
        }
        if (identity.clientId().isEmpty()
                && code == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()
                && quickRegistrationRetries++ < QUICK_REGISTRATION_RETRIES) {
            // The site's refusal of a registration (its close frame) is at times lost as the TLS connection
            // is torn down, and seen as 1006: an agent not registered yet asks again soon instead of backing
            // off, so a refused installer key is reported within seconds.
            long wait = 1000L + random.nextInt(1000);
            LOG.warning(() -> why + " while registering; trying again in " + wait + " ms");
            scheduler.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
            return;
        }
        if (checkInAgainSeconds > 0 && code == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()) {
            LOG.fine(() -> "passive: next check-in in " + checkInAgainSeconds + " s");
            scheduler.schedule(this::connect, checkInAgainSeconds, TimeUnit.SECONDS);
            return;
        }
        retryLater(why);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "connection error", failure);
    }

    /**
     * Tells the site when the local user disabled or enabled sessions (checked at every heartbeat), and
     * refreshes the status file that the {@code status} command reads.
     */
    private void reportAvailability(Session session, boolean always) {
        boolean disabled = control.disabled();
        if (always ? disabled : disabled != reportedDisabled) {
            session.getAsyncRemote().sendText(CODEC.encode(new Availability(disabled)));
        }
        reportedDisabled = disabled;
        control.writeStatus(
                String.valueOf(connectedTo),
                identity.clientId().map(UUID::toString).orElse(null),
                mode,
                true);
    }

    /** The wait a busy site asks for: close 1013 with {@code retry-after=<seconds>}. */
    static Integer retryAfterSeconds(CloseReason reason) {
        String phrase = reason.getReasonPhrase();
        if (reason.getCloseCode().getCode() != CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode()
                || phrase == null
                || !phrase.matches("retry-after=\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(phrase.substring("retry-after=".length()));
    }

    private static void closeQuietly(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "connection already closed", e);
        }
    }

    private void cancelHeartbeats() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
            statistics.cancel(false);
        }
    }

    /** Waits before the next attempt: a few seconds while the site restarts, else the backoff's wait. */
    private void retryLater(String why) {
        Optional<Duration> restarting = restartWait(restartAnnounced, System.nanoTime(), random);
        Duration wait = restarting.orElseGet(backoff::next);
        String because = restarting.isPresent() ? why + " (the site is restarting)" : why;
        LOG.warning(() -> because + "; trying again in " + wait.toMillis() + " ms");
        scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The short wait of {@link RestartRetry} while within its window after the site closed for a restart.
     *
     * @param announced when the site closed for a restart (System.nanoTime), or null when it did not
     */
    static Optional<Duration> restartWait(Long announced, long now, Random random) {
        return announced == null ? Optional.empty() : RestartRetry.nextWait(Duration.ofNanos(now - announced), random);
    }
}
