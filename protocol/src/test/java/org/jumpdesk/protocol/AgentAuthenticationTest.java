package org.jumpdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class AgentAuthenticationTest {

    private final KeyPair agent = AgentAuthentication.newKeyPair();
    private final String publicKey = AgentAuthentication.encode(agent.getPublic());

    @Test
    void aSignedChallengeVerifiesUnderTheAgentsPublicKey() throws Exception {
        String nonce = AgentAuthentication.newNonce();
        byte[] text = AgentAuthentication.signedText(nonce, "client-1");

        String signature = AgentAuthentication.sign(agent.getPrivate(), text);

        assertThat(AgentAuthentication.verify(publicKey, text, signature)).isTrue();
        assertThat(AgentAuthentication.privateKey(AgentAuthentication.encode(agent.getPrivate())))
                .isEqualTo(agent.getPrivate());
    }

    @Test
    void aSignatureIsWorthlessForAnotherChallengeClientOrKey() {
        String nonce = AgentAuthentication.newNonce();
        String signature =
                AgentAuthentication.sign(agent.getPrivate(), AgentAuthentication.signedText(nonce, "client-1"));
        String otherKey =
                AgentAuthentication.encode(AgentAuthentication.newKeyPair().getPublic());

        assertThat(AgentAuthentication.verify(
                        publicKey,
                        AgentAuthentication.signedText(AgentAuthentication.newNonce(), "client-1"),
                        signature))
                .as("replayed on a new connection")
                .isFalse();
        assertThat(AgentAuthentication.verify(publicKey, AgentAuthentication.signedText(nonce, "client-2"), signature))
                .isFalse();
        assertThat(AgentAuthentication.verify(otherKey, AgentAuthentication.signedText(nonce, "client-1"), signature))
                .isFalse();
        assertThat(AgentAuthentication.verify("not a key", new byte[1], "not base64 !"))
                .isFalse();
        assertThat(AgentAuthentication.isPublicKey(publicKey)).isTrue();
        assertThat(AgentAuthentication.isPublicKey("AAAA")).isFalse();
    }
}
