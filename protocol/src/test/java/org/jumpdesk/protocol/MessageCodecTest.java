package org.jumpdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void helloSurvivesTheRoundTripWithUnicodeIntact() {
        Hello hello = new Hello(UUID.randomUUID(), "équipe-ünïcode-機械", "Linux 6.1", "0.1.0", "c2ln");

        assertThat(codec.decode(codec.encode(hello))).isEqualTo(hello);
    }

    @Test
    void aChallengeSurvivesTheRoundTrip() {
        Challenge challenge = new Challenge(AgentAuthentication.newNonce());

        assertThat(codec.decode(codec.encode(challenge))).isEqualTo(challenge);
    }

    @Test
    void welcomeAndHeartbeatSurviveTheRoundTrip() {
        Welcome welcome = new Welcome(UUID.randomUUID(), 30, 300, "ACTIVE", 60, 180, "c2l0ZQ==");

        assertThat(codec.decode(codec.encode(welcome))).isEqualTo(welcome);
        assertThat(codec.decode(codec.encode(new Heartbeat()))).isEqualTo(new Heartbeat());
    }

    @Test
    void anUpdateOfferSurvivesTheRoundTripAndRefusesABadDigest() {
        UpdateAvailable update =
                new UpdateAvailable("1.2.0", "ab".repeat(32), "c2ln", "/agent-software/jump-client.jar");

        assertThat(codec.decode(codec.encode(update))).isEqualTo(update);
        String badDigest = codec.encode(update).replace("ab".repeat(32), "not-hex");
        assertThatThrownBy(() -> codec.decode(badDigest))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("sha256");
    }

    @Test
    void theAttendedCustomersMessagesSurviveTheRoundTripAndTheKeyStaysOutOfLogs() {
        CustomerHello hello = new CustomerHello("1234-5678-9012", "kiosk-7", "Linux 6.1", "ana");

        assertThat(codec.decode(codec.encode(hello))).isEqualTo(hello);
        assertThat(hello.toString()).doesNotContain("1234");
        assertThat(codec.decode(codec.encode(new CustomerQueued("alice")))).isEqualTo(new CustomerQueued("alice"));
        assertThat(codec.decode(codec.encode(new RepresentativeJoined("Álvaro"))))
                .isEqualTo(new RepresentativeJoined("Álvaro"));
        assertThat(codec.decode(codec.encode(new CustomerEnd()))).isEqualTo(new CustomerEnd());
        assertThatThrownBy(() -> codec.decode("{\"type\":\"customer-hello\",\"hostname\":\"h\"}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("sessionKey");
    }

    @Test
    void thePinMessagesSurviveTheRoundTripAndThePackageStaysOutOfLogs() {
        java.util.UUID pin = java.util.UUID.randomUUID();
        PinRequest request = new PinRequest(pin, "Álvaro", true, "installer-key=s3cr3t\n");

        assertThat(codec.decode(codec.encode(request))).isEqualTo(request);
        assertThat(request.toString()).doesNotContain("s3cr3t");
        assertThat(codec.decode(codec.encode(new PinAnswer(pin, false)))).isEqualTo(new PinAnswer(pin, false));
        assertThat(codec.decode(codec.encode(new PinFailed(pin, "no space left"))))
                .isEqualTo(new PinFailed(pin, "no space left"));
        assertThatThrownBy(() -> codec.decode("{\"type\":\"pin-answer\",\"pinId\":\"" + pin + "\"}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("allowed");
    }

    @Test
    void registrationSurvivesTheRoundTripWithAndWithoutOverrides() {
        Register bare = new Register("k3y", "cHVi", "c2ln", "pc-1", "Windows 11", "0.1.0", null, null, null);
        Register overriding =
                new Register("k3y", "cHVi", "c2ln", "pc-1", "Windows 11", "0.1.0", "user:ana", "servers", "sala 3 – ñ");

        assertThat(codec.decode(codec.encode(bare))).isEqualTo(bare);
        assertThat(codec.decode(codec.encode(overriding))).isEqualTo(overriding);
        assertThat(codec.encode(bare)).doesNotContain("jumpGroup");
        Registered registered = new Registered(UUID.randomUUID(), "PASSIVE", "c2l0ZQ==");
        assertThat(codec.decode(codec.encode(registered))).isEqualTo(registered);
    }

    @Test
    void theInstallerKeyStaysOutOfLogs() {
        assertThat(new Register("secret-key", "cHVi", "c2ln", "h", "o", "1", null, null, null).toString())
                .doesNotContain("secret-key");
    }

    @Test
    void statisticsSurviveTheRoundTripWithAbsentValuesLeftOut() {
        Statistics full = new Statistics("ana", "10.0.0.7,fe80::1", 3600L, 0.37, 1L, 2L, 3L, 4L);
        Statistics sparse = new Statistics(null, null, null, null, null, 8L, null, null);

        assertThat(codec.decode(codec.encode(full))).isEqualTo(full);
        assertThat(codec.decode(codec.encode(sparse))).isEqualTo(sparse);
        assertThat(codec.encode(sparse)).doesNotContain("consoleUser");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"statistics\",\"uptimeSeconds\":\"long\"}"))
                .hasMessageContaining("uptimeSeconds");
    }

    @Test
    void availabilitySurvivesTheRoundTripAndMustBeABoolean() {
        assertThat(codec.decode(codec.encode(new Availability(true)))).isEqualTo(new Availability(true));
        assertThat(codec.decode(codec.encode(new Availability(false)))).isEqualTo(new Availability(false));
        assertThatThrownBy(() -> codec.decode("{\"type\":\"availability\",\"disabled\":\"yes\"}"))
                .hasMessageContaining("disabled");
    }

    @Test
    void unknownMembersAreIgnoredSoNewerPeersCanAddThem() {
        assertThat(codec.decode("{\"type\":\"heartbeat\",\"addedLater\":1}")).isEqualTo(new Heartbeat());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"no\":\"type\"}", "{\"type\":\"teleport\"}", "{\"type\":7}"})
    void rejectsWhatIsNotAMessage(String text) {
        assertThatThrownBy(() -> codec.decode(text)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void namesTheMemberThatIsWrong() {
        String badId = "{\"type\":\"hello\",\"clientId\":\"nope\",\"hostname\":\"h\",\"operatingSystem\":\"o\","
                + "\"agentVersion\":\"1\",\"signature\":\"s\"}";

        assertThatThrownBy(() -> codec.decode(badId))
                .hasMessageContaining("clientId")
                .hasMessageContaining("UUID");
        assertThatThrownBy(
                        () -> codec.decode(
                                "{\"type\":\"welcome\",\"clientId\":\"" + UUID.randomUUID()
                                        + "\",\"heartbeatSeconds\":0,\"statisticsSeconds\":300,\"mode\":\"ACTIVE\",\"checkInSeconds\":60,\"offlineLimitDays\":180,\"siteKey\":\"k\"}"))
                .hasMessageContaining("heartbeatSeconds");
    }

    @Test
    void channelMessagesSurviveTheRoundTripAndKeepTheTokenOutOfLogs() {
        ChannelOpen open =
                new ChannelOpen(UUID.randomUUID(), "s3cret", ChannelKind.UPLOAD, "/home/ana/ñ.txt", 42, 1 << 20);
        ChannelAttach attach = new ChannelAttach(open.channelId(), "s3cret");
        ChannelReply reply = ChannelReply.refused(FileStatus.PERMISSION_DENIED, "/root");

        assertThat(codec.decode(codec.encode(open))).isEqualTo(open);
        assertThat(codec.decode(codec.encode(attach))).isEqualTo(attach);
        assertThat(codec.decode(codec.encode(reply))).isEqualTo(reply);
        assertThat(codec.decode(codec.encode(new ChannelAck(65536)))).isEqualTo(new ChannelAck(65536));
        assertThat(open.toString() + attach).doesNotContain("s3cret");
        assertThat(MessageType.CHANNEL_ACK.sentBy(MessageType.Sender.AGENT)).isTrue();
        assertThatThrownBy(() -> codec.decode(codec.encode(open).replace("upload", "format-disk")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("channel kind");
    }
}
