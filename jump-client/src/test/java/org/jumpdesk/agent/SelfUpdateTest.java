package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.protocol.ReleaseSignature;
import org.jumpdesk.protocol.UpdateAvailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-update against a real HTTP server standing in for the site's download. */
class SelfUpdateTest {

    private static final String PATH = "/agent-software/jump-client.jar";
    private static final byte[] NEW_JAR = "the new agent jar".getBytes(StandardCharsets.UTF_8);

    private final KeyPair site = AgentAuthentication.newKeyPair();
    private final AtomicInteger downloads = new AtomicInteger();
    private HttpServer server;
    private URI agentEndpoint;

    @TempDir
    Path machine;

    private Path jar;
    private SelfUpdate selfUpdate;

    @BeforeEach
    void aSiteServingTheRelease() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, NEW_JAR.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(NEW_JAR);
            }
        });
        server.start();
        agentEndpoint = URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/agent");
        jar = Files.writeString(machine.resolve("jump-client.jar"), "the running agent jar");
        selfUpdate = new SelfUpdate(machine, jar, new byte[32], Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSignedReleaseWithTheRightDigestIsStagedBesideTheJar() throws Exception {
        selfUpdate.trust(AgentAuthentication.encode(site.getPublic()));

        assertThat(selfUpdate.stage(offer("2.0", sha256(NEW_JAR), site), agentEndpoint))
                .isEmpty();

        assertThat(machine.resolve("jump-client.jar.update")).hasBinaryContent(NEW_JAR);
        assertThat(jar).hasContent("the running agent jar");
        assertThat(machine.resolve("jump-client.jar.download")).doesNotExist();
    }

    @Test
    void aJarWhoseDigestDiffersIsThrownAway() throws Exception {
        selfUpdate.trust(AgentAuthentication.encode(site.getPublic()));

        assertThat(selfUpdate.stage(offer("2.0", "0".repeat(64), site), agentEndpoint))
                .hasValueSatisfying(why -> assertThat(why).contains("SHA-256"));

        assertThat(downloads).hasValue(1);
        assertThat(machine.resolve("jump-client.jar.update")).doesNotExist();
        assertThat(machine.resolve("jump-client.jar.download")).doesNotExist();
    }

    @Test
    void anOfferSignedByAnotherKeyIsNotEvenDownloaded() throws Exception {
        selfUpdate.trust(AgentAuthentication.encode(site.getPublic()));
        KeyPair impostor = AgentAuthentication.newKeyPair();

        assertThat(selfUpdate.stage(offer("2.0", sha256(NEW_JAR), impostor), agentEndpoint))
                .hasValueSatisfying(why -> assertThat(why).contains("not signed by the site's key"));

        assertThat(downloads).hasValue(0);
        assertThat(machine.resolve("jump-client.jar.update")).doesNotExist();
    }

    @Test
    void theFirstSiteKeyStaysAndALaterOneCannotReplaceIt() throws Exception {
        KeyPair impostor = AgentAuthentication.newKeyPair();
        selfUpdate.trust(AgentAuthentication.encode(site.getPublic()));
        selfUpdate.trust(AgentAuthentication.encode(impostor.getPublic()));

        assertThat(selfUpdate.stage(offer("2.0", sha256(NEW_JAR), impostor), agentEndpoint))
                .isPresent();
        assertThat(downloads).hasValue(0);
    }

    @Test
    void withoutASiteKeyOrAJarNothingIsUpdated() throws Exception {
        assertThat(selfUpdate.stage(offer("2.0", sha256(NEW_JAR), site), agentEndpoint))
                .hasValueSatisfying(why -> assertThat(why).contains("no release key"));
        SelfUpdate withoutJar = new SelfUpdate(machine, null, new byte[32], Duration.ofSeconds(5));
        withoutJar.trust(AgentAuthentication.encode(site.getPublic()));
        assertThat(withoutJar.stage(offer("2.0", sha256(NEW_JAR), site), agentEndpoint))
                .hasValueSatisfying(why -> assertThat(why).contains("not started from a jar"));
        assertThat(downloads).hasValue(0);
    }

    @Test
    void theReleaseComesFromTheSameHostOverHttpOrHttps() {
        assertThat(SelfUpdate.releaseAddress(URI.create("wss://site.example:8443/agent"), PATH))
                .isEqualTo(URI.create("https://site.example:8443" + PATH));
        assertThat(SelfUpdate.releaseAddress(URI.create("ws://10.0.0.5:8080/agent"), PATH))
                .isEqualTo(URI.create("http://10.0.0.5:8080" + PATH));
    }

    private static UpdateAvailable offer(String version, String digest, KeyPair signer) {
        return new UpdateAvailable(version, digest, ReleaseSignature.sign(signer.getPrivate(), version, digest), PATH);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
