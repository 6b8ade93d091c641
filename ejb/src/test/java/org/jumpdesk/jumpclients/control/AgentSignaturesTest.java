package org.jumpdesk.jumpclients.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jumpdesk.protocol.AgentAuthentication;
import org.junit.jupiter.api.Test;

/** The site's check agrees with the JDK's on what agents sign with the JDK. */
class AgentSignaturesTest {

    private final KeyPair agent = AgentAuthentication.newKeyPair();
    private final String publicKey = AgentAuthentication.encode(agent.getPublic());
    private final byte[] text = AgentAuthentication.signedText("bm9uY2U=", "a-client");
    private final String signature = AgentAuthentication.sign(agent.getPrivate(), text);

    @Test
    void anAgentsSignatureVerifies() {
        assertThat(AgentSignatures.verify(publicKey, text, signature)).isTrue();
        assertThat(AgentAuthentication.verify(publicKey, text, signature)).isTrue();
    }

    @Test
    void anotherTextOrKeyDoesNot() {
        byte[] otherText = AgentAuthentication.signedText("bm9uY2U=", "another-client");
        String otherKey =
                AgentAuthentication.encode(AgentAuthentication.newKeyPair().getPublic());

        assertThat(AgentSignatures.verify(publicKey, otherText, signature)).isFalse();
        assertThat(AgentSignatures.verify(otherKey, text, signature)).isFalse();
    }

    @Test
    void aChangedSignatureDoesNot() {
        byte[] bytes = Base64.getDecoder().decode(signature);
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            String tampered = Base64.getEncoder().encodeToString(changed);
            assertThat(AgentSignatures.verify(publicKey, text, tampered))
                    .as("byte %d changed", i)
                    .isEqualTo(AgentAuthentication.verify(publicKey, text, tampered))
                    .isFalse();
        }
    }

    @Test
    void malformedInputIsRefusedNotThrown() throws Exception {
        String rsaKey = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("RSA")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
        String raw = Base64.getEncoder().encodeToString("not a key".getBytes(StandardCharsets.UTF_8));

        assertThat(AgentSignatures.verify("not base64!", text, signature)).isFalse();
        assertThat(AgentSignatures.verify(raw, text, signature)).isFalse();
        assertThat(AgentSignatures.verify(rsaKey, text, signature)).isFalse();
        assertThat(AgentSignatures.verify(publicKey, text, "not base64!")).isFalse();
        assertThat(AgentSignatures.verify(publicKey, text, signature.substring(0, 40)))
                .isFalse();
    }
}
