package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import org.junit.jupiter.api.Test;

class SiteConnectionTest {

    @Test
    void aBusySiteSaysWhenToComeBack() {
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, "retry-after=7")))
                .isEqualTo(7);
    }

    @Test
    void otherClosesCarryNoWait() {
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.NORMAL_CLOSURE, "retry-after=7")))
                .isNull();
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, "retry-after=soon")))
                .isNull();
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, null)))
                .isNull();
    }
}
