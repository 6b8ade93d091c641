package org.jumpdesk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    void atMostTwoBatchesOfAdmittedAgentsAwaitTheirWelcome() {
        ConnectionAdmission admission = new ConnectionAdmission();
        long now = System.nanoTime() + SECOND;
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            assertThat(admission.admit(now)).isTrue();
        }

        assertThat(admission.admit(now))
                .as("tokens left, but two batches of hellos under way")
                .isFalse();
        admission.settled(false, now);
        assertThat(admission.admit(now)).as("one done, one more").isTrue();
    }

    @Test
    void refusedAgentsReturnAtThePaceTheNodeWelcomesAgentsWhileBusy() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(1000);
        long start = (System.nanoTime() / SECOND + 2) * SECOND;
        // Two busy seconds: 250 welcomed each, one at a time as the slots free up, others refused.
        busySecond(admission, start, 250);
        busySecond(admission, start + SECOND, 250);

        assertThat(lastOf500RefusedAt(admission, start + 2 * SECOND))
                .as("500 refused at 250/s")
                .isEqualTo(2);
    }

    @Test
    void aSlowFirstSecondOfAFreshNodeDoesNotSendAgentsAwayForAMinute() {
        ConnectionAdmission admission = new ConnectionAdmission();
        long start = (System.nanoTime() / SECOND + 2) * SECOND;
        busySecond(admission, start, 2);

        assertThat(lastOf500RefusedAt(admission, start + SECOND))
                .as("at half the configured 5,000/s, not at 2/s")
                .isEqualTo(1);
    }

    @Test
    void thePaceFallsToAFloorAndRisesAtOnce() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(1000);
        long start = (System.nanoTime() / SECOND + 2) * SECOND;
        for (int second = 0; second < 10; second++) {
            busySecond(admission, start + second * SECOND, 0);
        }
        assertThat(lastOf500RefusedAt(admission, start + 10 * SECOND + 1))
                .as("nothing welcomed for ten seconds: 500 at the floor of 200/s")
                .isEqualTo(3);

        ConnectionAdmission warm = new ConnectionAdmission();
        warm.rate(2000);
        busySecond(warm, start, 0);
        busySecond(warm, start + SECOND, 0);
        busySecond(warm, start + 2 * SECOND, 800);
        assertThat(lastOf500RefusedAt(warm, start + 3 * SECOND))
                .as("800 welcomed in the last busy second: 500 within a second")
                .isEqualTo(1);
    }

    @Test
    void refusalsByTheRateAloneTeachNothingOfThePace() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.rate(10);
        long start = (System.nanoTime() / SECOND + 2) * SECOND;
        while (admission.admit(start)) {
            admission.settled(true, start);
        }
        admission.rate(1000);

        assertThat(lastOf500RefusedAt(admission, start + SECOND))
                .as("10 welcomed while the bucket, not the node, refused: still 1,000/s")
                .isEqualTo(1);
    }

    /** A second in which the node welcomes that many agents and refuses others because its slots are all taken. */
    private static void busySecond(ConnectionAdmission admission, long second, int welcomed) {
        for (int i = 0; i < welcomed; i++) {
            assertThat(admission.admit(second + i)).isTrue();
            admission.settled(true, second + i);
        }
        int admitted = 0;
        while (admission.admit(second + 1000 + admitted)) {
            admitted++;
        }
        assertThat(admission.admit(second + 2000)).isFalse();
        for (int i = 0; i < admitted; i++) {
            admission.settled(false, second + 3000 + i);
        }
    }

    private static int lastOf500RefusedAt(ConnectionAdmission admission, long now) {
        int last = 0;
        for (int i = 0; i < 500; i++) {
            last = admission.retryAfterSeconds(now);
        }
        return last;
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

    @Test
    void beyondTheLimitsConnectionsWaitInLineAndTakeFreedSlotsInOrder() {
        ConnectionAdmission admission = new ConnectionAdmission();
        List<Integer> challenged = new ArrayList<>();
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            assertThat(admission.enter(() -> true)).isEqualTo(ConnectionAdmission.Entry.ADMITTED);
        }
        for (int i = 0; i < 3; i++) {
            int number = i;
            assertThat(admission.enter(() -> challenged.add(number))).isEqualTo(ConnectionAdmission.Entry.WAITING);
        }

        admission.settled(true);
        assertThat(challenged).as("one slot freed, the first in line").containsExactly(0);
        admission.settled(false);
        admission.settled(true);
        assertThat(challenged).containsExactly(0, 1, 2);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aConnectionGoneWhileWaitingGivesItsSlotToTheNext() {
        ConnectionAdmission admission = new ConnectionAdmission();
        List<String> challenged = new ArrayList<>();
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            admission.enter(() -> true);
        }
        admission.enter(() -> false);
        admission.enter(() -> challenged.add("next"));

        admission.settled(true);

        assertThat(challenged).containsExactly("next");
        assertThat(admission.enter(() -> true))
                .as("the gone connection's slot was given back, the next one holds the freed one")
                .isEqualTo(ConnectionAdmission.Entry.WAITING);
    }

    @Test
    void aFullLineRefuses() {
        ConnectionAdmission admission = new ConnectionAdmission();
        admission.maxWaiting(1);
        for (int i = 0; i < ConnectionAdmission.MAX_IN_FLIGHT; i++) {
            admission.enter(() -> true);
        }

        assertThat(admission.enter(() -> true)).isEqualTo(ConnectionAdmission.Entry.WAITING);
        assertThat(admission.enter(() -> true)).isEqualTo(ConnectionAdmission.Entry.REFUSED);
        assertThat(admission.retryAfterSeconds()).isBetween(1, ConnectionAdmission.MAX_RETRY_AFTER_SECONDS);
    }
}
