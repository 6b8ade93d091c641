package org.jumpdesk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.server.Server;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Welcome;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent endpoint in-process on a Tyrus server, with a recording directory in place of the domain. */
class AgentEndpointTest {

    private static final MessageCodec CODEC = new MessageCodec();
    /** One client for the whole class: a client that is no longer referenced shuts its executor down. */
    private static final ClientManager CLIENT = ClientManager.createClient();

    private static Server server;
    private static URI agentUri;

    private final List<Hello> recordedHellos = new CopyOnWriteArrayList<>();
    private final List<Register> recordedRegistrations = new CopyOnWriteArrayList<>();

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
            public Registered register(Register registration) {
                if (registration.installerKey().equals("expired")) {
                    throw JumpDeskStatus.INSTALLER_INVALID.exception("installer expired");
                }
                recordedRegistrations.add(registration);
                return new Registered(UUID.randomUUID(), "ACTIVE");
            }

            @Override
            public Welcome agentConnected(Hello hello) {
                if (hello.hostname().equals("explodes")) {
                    throw new IllegalStateException("the database is gone");
                }
                if (hello.hostname().equals("deleted")) {
                    throw JumpDeskStatus.JC_NOT_FOUND.exception("no Jump Client " + hello.clientId());
                }
                recordedHellos.add(hello);
                return new Welcome(hello.clientId(), 30);
            }
        };
    }

    @Test
    void aNewMachineRegistersThenSaysHello() throws Exception {
        Register registration = new Register("k3y", "nuevo-pc", "Linux 6.1", "0.1.0", null, "servers", null);
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(registration));
            Registered registered = (Registered) CODEC.decode(agent.nextMessage());
            agent.send(CODEC.encode(new Hello(registered.clientId(), "nuevo-pc", "Linux 6.1", "0.1.0")));

            assertThat(CODEC.decode(agent.nextMessage())).isEqualTo(new Welcome(registered.clientId(), 30));
            assertThat(recordedRegistrations).containsExactly(registration);
        }
    }

    @Test
    void aRefusedRegistrationClosesWithTheStatusCode() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Register("expired", "h", "o", "1", null, null, null)));

            assertThat(agent.closeReason().getCloseCode().getCode())
                    .isEqualTo(JumpDeskStatus.INSTALLER_INVALID.closeCode());
            assertThat(agent.closeReason().getReasonPhrase()).startsWith("INSTALLER_INVALID");
        }
    }

    @Test
    void aDeletedClientIsToldSoWithTheStatusCode() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "deleted", "o", "1")));

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(4404);
            assertThat(agent.closeReason().getReasonPhrase()).startsWith("JC_NOT_FOUND");
        }
    }

    @Test
    void registeringTwiceCloses1008() throws Exception {
        try (Connection agent = connect()) {
            String registration = CODEC.encode(new Register("k3y", "h", "o", "1", null, null, null));
            agent.send(registration);
            agent.nextMessage();
            agent.send(registration);

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
        }
    }

    @Test
    void helloIsRecordedAndWelcomed() throws Exception {
        Hello hello = new Hello(UUID.randomUUID(), "büro-pc", "Linux 6.1", "0.1.0");
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(hello));

            assertThat(CODEC.decode(agent.nextMessage())).isEqualTo(new Welcome(hello.clientId(), 30));
            assertThat(recordedHellos).containsExactly(hello);
        }
    }

    @Test
    void heartbeatsAfterHelloKeepTheConnectionOpen() throws Exception {
        try (Connection agent = connect()) {
            agent.send(CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1")));
            agent.nextMessage();
            agent.send("{\"type\":\"heartbeat\"}");
            agent.send("{\"type\":\"heartbeat\"}");

            assertThat(agent.session.isOpen()).isTrue();
            assertThat(agent.closed).isNotDone();
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
            agent.send(CODEC.encode(new Welcome(UUID.randomUUID(), 30)));

            assertThat(agent.closeReason().getCloseCode().getCode()).isEqualTo(1008);
        }
    }

    @Test
    void aSecondHelloCloses1008() throws Exception {
        try (Connection agent = connect()) {
            String hello = CODEC.encode(new Hello(UUID.randomUUID(), "h", "o", "1"));
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
            healthy.send(CODEC.encode(new Hello(UUID.randomUUID(), "fine", "o", "1")));
            healthy.nextMessage();

            failing.send(CODEC.encode(new Hello(UUID.randomUUID(), "explodes", "o", "1")));

            assertThat(failing.closeReason().getCloseCode().getCode()).isEqualTo(1011);
            assertThat(failing.closeReason().getReasonPhrase()).doesNotContain("database");
            healthy.send("{\"type\":\"heartbeat\"}");
            assertThat(healthy.session.isOpen()).isTrue();
        }
    }

    @Test
    void closeReasonsAreCutToWhatAFrameCanCarry() {
        assertThat(AgentEndpoint.truncate("é".repeat(100))).hasSize(61);
        assertThat(AgentEndpoint.truncate("short")).isEqualTo("short");
    }

    private static Connection connect() throws DeploymentException, IOException {
        Connection connection = new Connection();
        CLIENT.connectToServer(connection, ClientEndpointConfig.Builder.create().build(), agentUri);
        return connection;
    }

    /** A test agent: queues what the site sends and remembers how the connection closed. */
    private static final class Connection extends Endpoint implements AutoCloseable {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        private Session session;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }

        void send(String text) throws IOException {
            session.getBasicRemote().sendText(text);
        }

        String nextMessage() throws InterruptedException {
            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message from the site within 10 s").isNotNull();
            return message;
        }

        CloseReason closeReason() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            if (session.isOpen()) {
                session.close();
            }
        }
    }
}
