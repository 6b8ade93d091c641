package org.jumpdesk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.server.Server;
import org.jumpdesk.protocol.Challenge;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.UpdateAvailable;
import org.jumpdesk.protocol.Welcome;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent endpoint in-process on a Tyrus server, with a recording directory in place of the domain. */
class AgentEndpointTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SITE_KEY = "c2l0ZS1rZXk=";
    private static final UpdateAvailable RELEASE_OFFER =
            new UpdateAvailable("2.0", "0".repeat(64), "c2ln", "/agent-software/jump-client.jar");

    private static Server server;
    private static URI agentUri;

    private final List<Hello> recordedHellos = new CopyOnWriteArrayList<>();
    private final List<Register> recordedRegistrations = new CopyOnWriteArrayList<>();
    private final List<String> recordedNonces = new CopyOnWriteArrayList<>();
    private final List<UUID> recordedUninstalls = new CopyOnWriteArrayList<>();
    private final List<Statistics> recordedStatistics = new CopyOnWriteArrayList<>();
    private final List<String> recordedAddresses = new CopyOnWriteArrayList<>();
    /** Presence as the directory was told it: "connected c1", "disabled c1 true", "disconnected c1". */
    private final List<String> recordedPresence = new CopyOnWriteArrayList<>();
    /** A hello from host "slow" is answered only once this opens. */
    private final CountDownLatch slowHelloMayGo = new CountDownLatch(1);
    /** Agents on 1.8 find the upgrade slots taken at first, then free. */
    private final AtomicInteger upgradeSlotRequests = new AtomicInteger();

    @BeforeAll
    static void startServer() throws DeploymentException {
        server = new Server("localhost", -1, "/", Map.of(), AgentEndpoint.class);
        server.start();
        agentUri = URI.create("ws://localhost:" + server.getPort() + "/agent");
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void recordWhatAgentsSay() {
        InProcessAgentEndpoints.directory = new AgentDirectory() {
            @Override
            public Registered register(Register registration, String nonce) {
                recordedNonces.add(nonce);
                if (registration.installerKey().equals("expired")) {
                    throw JumpDeskStatus.INSTALLER_INVALID.exception("installer expired");
                }
                recordedRegistrations.add(registration);
                return new Registered(UUID.randomUUID(), "ACTIVE", SITE_KEY);
            }

            @Override
            public void statistics(UUID clientId, Statistics statistics, String publicAddress) {
                recordedStatistics.add(statistics);
                recordedAddresses.add(publicAddress);
            }

            @Override
            public Optional<UpdateAvailable> updateFor(UUID clientId, String agentVersion) {
                boolean slotFree = agentVersion.equals("1.9")
                        || (agentVersion.equals("1.8") && upgradeSlotRequests.incrementAndGet() > 1);
                return slotFree ? Optional.of(RELEASE_OFFER) : Optional.empty();
            }

            @Override
            public boolean runsRelease(String agentVersion) {
                return agentVersion.equals(RELEASE_OFFER.version());
            }

            @Override
            public void uninstalled(UUID clientId) {
                recordedUninstalls.add(clientId);
            }

            @Override
            public void disconnected(UUID clientId, UUID connectionId, java.time.Instant lastHeard) {
                recordedPresence.add("disconnected " + connectionId);
            }

            @Override
            public void availabilityChanged(UUID clientId, UUID connectionId, boolean disabled) {
                recordedPresence.add("disabled " + connectionId + " " + disabled);
            }

            @Override
            public Welcomed agentConnected(Hello hello, String nonce, UUID connectionId) {
                recordedNonces.add(nonce);
                if (hello.hostname().equals("slow")) {
                    try {
                        slowHelloMayGo.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (hello.hostname().equals("explodes")) {
                    throw new IllegalStateException("the database is gone");
                }
                if (hello.hostname().equals("deleted")) {
                    throw JumpDeskStatus.JC_NOT_FOUND.exception("no Jump Client " + hello.clientId());
                }
                recordedHellos.add(hello);
                recordedPresence.add("connected " + connectionId);
                return new Welcomed(
                        new Welcome(hello.clientId(), 30, 300, "ACTIVE", 60, 180, SITE_KEY),
                        updateFor(hello.clientId(), hello.agentVersion()),
                        runsRelease(hello.agentVersion()));
            }
        };
    }

    @Test
    void aNewMachineRegistersThenSaysHello() throws Exception {
        Register registration =
                new Register("k3y", "cHVi", "c2ln", "nuevo-pc", "Linux 6.1", "0.1.0", null, "servers", null);
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(registration));
            Registered registered = (Registered) CODEC.decode(agent.nextMessage());
            agent.send(CODEC.encode(new Hello(registered.clientId(), "nuevo-pc", "Linux 6.1", "0.1.0", "c2ln")));

            assertThat(CODEC.decode(agent.nextMessage()))
                    .isEqualTo(new Welcome(registered.clientId(), 30, 300, "ACTIVE", 60, 180, SITE_KEY));
            assertThat(recordedRegistrations).containsExactly(registration);
        }
    }

    @Test
    void aRefusedRegistrationClosesWithTheStatusCode() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Register("expired", "cHVi", "c2ln", "h", "o", "1", null, null, null)));

            assertThat(agent.closeReason().getCloseCode().getCode())
                    .isEqualTo(JumpDeskStatus.INSTALLER_INVALID.closeCode());
            assertThat(agent.closeReason().getReasonPhrase()).startsWith("INSTALLER_INVALID");
        }
    }

    @Test
    void aDeletedClientIsToldSoWithTheStatusCode() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "deleted", "o", "1", "c2ln")));

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(4404);
            assertThat(agent.closeReason().getReasonPhrase()).startsWith("JC_NOT_FOUND");
        }
    }

    @Test
    void registeringTwiceCloses1008() throws Exception {
        try (Connection agent = connect()) {
            String registration = CODEC.encode(new Register("k3y", "cHVi", "c2ln", "h", "o", "1", null, null, null));
            agent.send(registration);
            agent.nextMessage();
            agent.send(registration);

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
        }
    }

    @Test
    void everyConnectionGetsItsOwnChallengeAndTheSiteChecksAnswersAgainstIt() throws Exception {
        try (Connection first = connect();
                Connection second = connect()) {
            assertThat(first.challenge).isNotEqualTo(second.challenge);
            assertThat(java.util.Base64.getDecoder().decode(first.challenge)).hasSize(32);

            first.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1", "c2ln")));
            first.nextMessage();

            assertThat(recordedNonces).containsExactly(first.challenge);
        }
    }

    @Test
    void helloIsRecordedAndWelcomed() throws Exception {
        Hello hello = new Hello(UUID.randomUUID(), "büro-pc", "Linux 6.1", "0.1.0", "c2ln");
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(hello));

            assertThat(CODEC.decode(agent.nextMessage()))
                    .isEqualTo(new Welcome(hello.clientId(), 30, 300, "ACTIVE", 60, 180, SITE_KEY));
            assertThat(recordedHellos).containsExactly(hello);
        }
    }

    @Test
    void heartbeatsAfterHelloKeepTheConnectionOpen() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1", "c2ln")));
            agent.nextMessage();
            agent.send("{\"type\":\"heartbeat\"}");
            agent.send("{\"type\":\"heartbeat\"}");

            assertThat(agent.isOpen()).isTrue();
            assertThat(agent.closed).isNotDone();
        }
    }

    @Test
    void aConnectedAgentIsOnlineUntilItsConnectionEnds() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(id, "h", "o", "1", "c2ln")));
            agent.nextMessage();
            assertThat(InProcessAgentEndpoints.presence.online(id)).isTrue();
            assertThat(InProcessAgentEndpoints.presence.lastHeard()).containsKey(id);
        }
        // The node forgets the connection first, then records the client's release in the database.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while ((InProcessAgentEndpoints.presence.online(id) || recordedPresence.size() < 2)
                && java.time.Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(InProcessAgentEndpoints.presence.online(id)).isFalse();
        assertThat(recordedPresence).hasSize(2);
        String connection = recordedPresence.get(0).substring("connected ".length());
        assertThat(recordedPresence).containsExactly("connected " + connection, "disconnected " + connection);
    }

    @Test
    void aConnectionClosedBeforeItsWelcomeReleasesThePresenceItsHelloRecorded() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(id, "slow", "o", "1", "c2ln")));
            awaitTrue(() -> !recordedNonces.isEmpty());
        }
        slowHelloMayGo.countDown();

        awaitTrue(() -> recordedPresence.size() >= 2);
        String connection = recordedPresence.get(0).substring("connected ".length());
        assertThat(recordedPresence).containsExactly("connected " + connection, "disconnected " + connection);
        assertThat(InProcessAgentEndpoints.presence.online(id))
                .as("a closed connection is not made the client's")
                .isFalse();
    }

    @Test
    void anAgentDisabledByItsUserIsKnownAsDisabledUntilEnabled() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(id, "h", "o", "1", "c2ln")));
            agent.nextMessage();

            agent.send("{\"type\":\"availability\",\"disabled\":true}");
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
            while (!InProcessAgentEndpoints.presence.disabled(id)
                    && java.time.Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(InProcessAgentEndpoints.presence.disabled(id)).isTrue();

            agent.send("{\"type\":\"availability\",\"disabled\":false}");
            while (InProcessAgentEndpoints.presence.disabled(id)
                    && java.time.Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(InProcessAgentEndpoints.presence.disabled(id)).isFalse();
            String connection = recordedPresence.get(0).substring("connected ".length());
            assertThat(recordedPresence)
                    .as("each change written once")
                    .containsExactly(
                            "connected " + connection,
                            "disabled " + connection + " true",
                            "disabled " + connection + " false");
        }
    }

    @Test
    void aSilentAgentIsDisconnectedAndOffline() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(id, "h", "o", "1", "c2ln")));
            agent.nextMessage();

            List<AgentPresence.Silent> closed = InProcessAgentEndpoints.presence.closeSilent(
                    java.time.Duration.ofSeconds(90), java.time.Instant.now().plusSeconds(91));

            assertThat(closed).extracting(AgentPresence.Silent::clientId).contains(id);
            assertThat(closed.stream()
                            .filter(silent -> silent.clientId().equals(id))
                            .findFirst()
                            .orElseThrow())
                    .extracting(silent -> "connected " + silent.connectionId())
                    .as("the connection the hello recorded, for its presence row to be released")
                    .isIn(recordedPresence);
            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1001);
            assertThat(InProcessAgentEndpoints.presence.online(id)).isFalse();
        }
    }

    @Test
    void statisticsFromAConnectedAgentReachTheSite() throws Exception {
        Statistics statistics = new Statistics("ana", "10.0.0.7", 60L, 0.5, 1L, 2L, 3L, 4L);
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1", "c2ln")));
            agent.nextMessage();
            agent.send(CODEC.encode(statistics));
            agent.send("{\"type\":\"heartbeat\"}");

            java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
            while (recordedStatistics.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(recordedStatistics).containsExactly(statistics);
            assertThat(recordedAddresses).containsExactly("127.0.0.1");
        }
    }

    @Test
    void anAgentOnAnotherVersionIsOfferedTheReleaseBeforeItsWelcome() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1.9", "c2ln")));

            assertThat(CODEC.decode(agent.nextMessage())).isEqualTo(RELEASE_OFFER);
            assertThat(CODEC.decode(agent.nextMessage())).isInstanceOf(Welcome.class);
        }
    }

    @Test
    void anAgentOnTheReleaseIsOfferedNothing() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "2.0", "c2ln")));

            assertThat(CODEC.decode(agent.nextMessage())).isInstanceOf(Welcome.class);
            agent.send(CODEC.encode(new Statistics(null, null, null, null, null, null, null, null)));
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "2.0", "c2ln")));
            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
            assertThat(agent.unread()).isEmpty();
        }
    }

    @Test
    void whenNoUpgradeSlotIsFreeTheOfferComesWithALaterStatisticsReport() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1.8", "c2ln")));
            assertThat(CODEC.decode(agent.nextMessage())).isInstanceOf(Welcome.class);

            agent.send(CODEC.encode(new Statistics(null, null, null, null, null, null, null, null)));

            assertThat(CODEC.decode(agent.nextMessage())).isEqualTo(RELEASE_OFFER);
        }
    }

    @Test
    void anUninstallingAgentIsRecordedAndClosedAsUninstalled() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(id, "h", "o", "1", "c2ln")));
            agent.nextMessage();
            agent.send("{\"type\":\"uninstalling\"}");

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(4410);
            assertThat(recordedUninstalls).containsExactly(id);
        }
    }

    @Test
    void beyondTheAdmissionRateAgentsWaitConnectedForTheirChallenge() throws Exception {
        InProcessAgentEndpoints.admission.rate(1);
        Connection first = new Connection();
        Connection second = new Connection();
        try {
            first.socket =
                    HTTP.newWebSocketBuilder().buildAsync(agentUri, first).get(10, TimeUnit.SECONDS);
            assertThat(first.received.poll(2, TimeUnit.SECONDS)).contains("challenge");
            second.socket =
                    HTTP.newWebSocketBuilder().buildAsync(agentUri, second).get(10, TimeUnit.SECONDS);

            assertThat(second.received.poll(500, TimeUnit.MILLISECONDS))
                    .as("the rate's one connection a second is taken")
                    .isNull();
            assertThat(InProcessAgentEndpoints.admission.waiting()).isEqualTo(1);
            TimeUnit.MILLISECONDS.sleep(1100);
            // The housekeeping timer's call, every 2 s on the server.
            InProcessAgentEndpoints.admission.admitWaiting();
            assertThat(second.received.poll(2, TimeUnit.SECONDS))
                    .as("a token again: the waiting connection gets its challenge, still open")
                    .contains("challenge");
            assertThat(InProcessAgentEndpoints.admission.waiting()).isZero();
        } finally {
            first.close();
            second.close();
            InProcessAgentEndpoints.admission.rate(1000);
        }
    }

    @Test
    void whenTheLineIsFullAgentsAreToldWhenToComeBack() throws Exception {
        InProcessAgentEndpoints.admission.rate(1);
        InProcessAgentEndpoints.admission.maxWaiting(0);
        try {
            List<CloseReason> refusals = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Connection connection = new Connection();
                connection.socket = HTTP.newWebSocketBuilder()
                        .buildAsync(agentUri, connection)
                        .get(10, TimeUnit.SECONDS);
                String first = connection.received.poll(2, TimeUnit.SECONDS);
                if (first == null || !first.contains("challenge")) {
                    refusals.add(connection.closeReason());
                }
                connection.close();
            }

            assertThat(refusals).isNotEmpty().allSatisfy(reason -> {
                assertThat(reason.getCloseCode().getCode()).isEqualTo(1013);
                assertThat(reason.getReasonPhrase()).matches("retry-after=[1-9][0-9]?");
            });
        } finally {
            InProcessAgentEndpoints.admission.maxWaiting(ConnectionAdmission.MAX_WAITING);
            InProcessAgentEndpoints.admission.rate(1000);
        }
    }

    @Test
    void textThatIsNotAMessageCloses1007() throws Exception {
        try (Connection agent = connect()) {
            agent.send("{not json");

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1007);
            assertThat(agent.closeReason().getReasonPhrase()).contains("not valid JSON");
        }
    }

    @Test
    void unknownTypeCloses1007() throws Exception {
        try (Connection agent = connect()) {
            agent.send("{\"type\":\"format-disk\"}");

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1007);
            assertThat(agent.closeReason().getReasonPhrase()).contains("format-disk");
        }
    }

    @Test
    void anythingBeforeHelloCloses1008() throws Exception {
        try (Connection agent = connect()) {
            agent.send("{\"type\":\"heartbeat\"}");

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
            assertThat(agent.closeReason().getReasonPhrase()).contains("first message");
        }
    }

    @Test
    void aSiteMessageFromAnAgentCloses1008() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Welcome(UUID.randomUUID(), 30, 300, "ACTIVE", 60, 180, SITE_KEY)));

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
        }
    }

    @Test
    void aSecondHelloCloses1008() throws Exception {
        try (Connection agent = connect()) {
            String hello = CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1", "c2ln"));
            agent.send(hello);
            agent.nextMessage();
            agent.send(hello);

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
        }
    }

    @Test
    void anOversizedFrameCloses1009() throws Exception {
        try (Connection agent = connect()) {
            agent.send("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(AgentEndpoint.MAX_MESSAGE_CHARS) + "\"}");

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1009);
        }
    }

    @Test
    void aFailureOfTheSiteCloses1011WithoutTouchingOtherConnections() throws Exception {
        try (Connection healthy = connect();
                Connection failing = connect()) {
            healthy.send(CODEC.encode(new Hello(UUID.randomUUID(), "fine", "o", "1", "c2ln")));
            healthy.nextMessage();

            failing.send(CODEC.encode(new Hello(UUID.randomUUID(), "explodes", "o", "1", "c2ln")));

            assertThat(failing.closeReason().getCloseCode().getCode()).isEqualTo(1011);
            assertThat(failing.closeReason().getReasonPhrase()).doesNotContain("database");
            healthy.send("{\"type\":\"heartbeat\"}");
            assertThat(healthy.isOpen()).isTrue();
        }
    }

    @Test
    void closeReasonsAreCutToWhatAFrameCanCarry() {
        assertThat(Sockets.truncate("é".repeat(100))).hasSize(61);
        assertThat(Sockets.truncate("short")).isEqualTo("short");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean() && java.time.Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    private static Connection connect() throws Exception {
        Connection connection = new Connection();
        connection.socket =
                HTTP.newWebSocketBuilder().buildAsync(agentUri, connection).get(10, TimeUnit.SECONDS);
        connection.challenge = ((Challenge) CODEC.decode(connection.nextMessage())).nonce();
        return connection;
    }

    /**
     * A test agent on the JDK's WebSocket client: queues what the site sends and remembers how the
     * connection closed.
     */
    private static final class Connection implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private String challenge;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new CloseReason(CloseReason.CloseCodes.getCloseCode(statusCode), reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        boolean isOpen() {
            return !socket.isOutputClosed() && !closed.isDone();
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        String nextMessage() throws InterruptedException {
            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message from the site within 10 s").isNotNull();
            return message;
        }

        /** Messages received and not yet read. */
        List<String> unread() {
            List<String> messages = new java.util.ArrayList<>();
            received.drainTo(messages);
            return messages;
        }

        CloseReason closeReason() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}
