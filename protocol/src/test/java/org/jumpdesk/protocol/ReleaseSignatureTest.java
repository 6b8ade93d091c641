package org.jumpdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class ReleaseSignatureTest {

    private static final String DIGEST = "0123456789abcdef".repeat(4);
    private static final String PATH = "/agent-software/jump-client.jar";

    private final KeyPair site = AgentAuthentication.newKeyPair();
    private final String siteKey = AgentAuthentication.encode(site.getPublic());

    @Test
    void aReleaseSignedByTheSiteVerifiesWithItsKey() {
        UpdateAvailable update =
                new UpdateAvailable("1.2.0", DIGEST, ReleaseSignature.sign(site.getPrivate(), "1.2.0", DIGEST), PATH);

        assertThat(ReleaseSignature.verify(siteKey, update)).isTrue();
    }

    @Test
    void anotherDigestAnotherVersionOrAnotherKeyDoNotVerify() {
        String signature = ReleaseSignature.sign(site.getPrivate(), "1.2.0", DIGEST);
        String otherKey =
                AgentAuthentication.encode(AgentAuthentication.newKeyPair().getPublic());

        assertThat(ReleaseSignature.verify(siteKey, new UpdateAvailable("1.2.0", "f".repeat(64), signature, PATH)))
                .isFalse();
        assertThat(ReleaseSignature.verify(siteKey, new UpdateAvailable("1.3.0", DIGEST, signature, PATH)))
                .isFalse();
        assertThat(ReleaseSignature.verify(otherKey, new UpdateAvailable("1.2.0", DIGEST, signature, PATH)))
                .isFalse();
    }
}
