package org.jumpdesk.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.jumpdesk.protocol.AgentAuthentication;
import org.junit.jupiter.api.Test;

class SimulatedAgentKeyTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void itsSignatureOfAChallengeIsAcceptedAsTheRealAgentsWouldBe() {
        SimulatedAgentKey key = new SimulatedAgentKey(random);
        byte[] text = AgentAuthentication.signedText(AgentAuthentication.newNonce(), "register");

        String signature = key.sign(text);

        assertTrue(AgentAuthentication.isPublicKey(key.encodedPublicKey()));
        assertTrue(AgentAuthentication.verify(key.encodedPublicKey(), text, signature));
    }

    @Test
    void itsSignatureIsWorthNothingForAnotherChallengeOrUnderAnotherKey() {
        SimulatedAgentKey key = new SimulatedAgentKey(random);
        SimulatedAgentKey other = new SimulatedAgentKey(random);
        byte[] text = AgentAuthentication.signedText(AgentAuthentication.newNonce(), "register");
        String signature = key.sign(text);

        assertFalse(AgentAuthentication.verify(
                key.encodedPublicKey(),
                AgentAuthentication.signedText(AgentAuthentication.newNonce(), "register"),
                signature));
        assertFalse(AgentAuthentication.verify(other.encodedPublicKey(), text, signature));
        assertNotEquals(key.encodedPublicKey(), other.encodedPublicKey());
    }
}
