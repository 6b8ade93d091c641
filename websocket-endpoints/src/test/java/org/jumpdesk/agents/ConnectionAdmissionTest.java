package org.jumpdesk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionAdmissionTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aStormIsAdmittedAtTheRateAndTheRefusedAreToldToReturnOneSecondsWorthAtATime() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(1000);
        long now = System.nanoTime() + SECOND;
        int admitted = 0;
        Map<Integer, Integer> returningAfter = new TreeMap<>();
        for (int agent = 0; agent < 19_000; agent++) {
            if (admission.admit(now)) {
                admission.settled(true, now);
                admitted++;
            } else {
                returningAfter.merge(admission.retryAfterSeconds(now), 1, Integer::sum);
            }
        }

        assertThat(admitted).as("one second's worth at once").isEqualTo(1000);
        assertThat(returningAfter.keySet())
                .as("every second up to the 18th, none skipped")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 18).boxed().toList());
        assertThat(returningAfter.values())
                .as("no second given more than the rate")
                .allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1000));
    }

    @Test
    void atMostAHundredAdmittedAgentsAwaitTheirWelcome() {
        ConnectionAdmission admission = new ConnectionAdmission();
        long now = System.nanoTime() + SECOND;
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            assertThat(admission.admit(now)).isTrue();
        }

        assertThat(admission.admit(now))
                .as("tokens left, but a hundred hellos under way")
                .isFalse();
        admission.settled(false, now);
        assertThat(admission.admit(now)).as("one done, one more").isTrue();
    }

    @Test
    void refusedAgentsReturnAtThePaceTheNodeWelcomedAgentsWhileBusy() {
        ConnectionAdmission admission = new ConnectionAdmission();
        long second = (System.nanoTime() / SECOND + 2) * SECOND;
        // A busy second: 250 welcomed, one at a time as the hundred slots free up, others refused.
        for (int i = 0; i < 250; i++) {
            assertThat(admission.admit(second + i)).isTrue();
            admission.settled(true, second + i);
        }
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            admission.admit(second + 1000 + i);
        }
        assertThat(admission.admit(second + 2000)).isFalse();

        long next = second + SECOND;
        int last = 0;
        for (int i = 0; i < 500; i++) {
            last = admission.retryAfterSeconds(next);
        }

        assertThat(last).as("500 refused at 250/s").isEqualTo(2);
    }

    @Test
    void theQueueOfReturnsDrainsWithTime() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(10);
        long now = System.nanoTime() + SECOND;
        while (admission.admit(now)) {
            // empty the bucket
        }
        for (int i = 0; i < 50; i++) {
            admission.retryAfterSeconds(now);
        }

        assertThat(admission.retryAfterSeconds(now)).isEqualTo(6);
        assertThat(admission.retryAfterSeconds(now + 60 * SECOND))
                .as("long after, the queue is gone")
                .isEqualTo(1);
    }

    @Test
    void theWaitIsCapped() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(1);
        long now = System.nanoTime() + SECOND;
        int last = 0;
        for (int i = 0; i < 100; i++) {
            last = admission.retryAfterSeconds(now);
        }

        assertThat(last).isEqualTo(ConnectionAdmission.MAX_RETRY_AFTER_SECONDS);
    }
}
