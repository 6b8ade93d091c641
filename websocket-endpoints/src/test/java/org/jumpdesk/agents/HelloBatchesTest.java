package org.jumpdesk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.UpdateAvailable;
import org.jumpdesk.protocol.Welcome;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelloBatchesTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** Held until released: the first batch is with the directory while the next hellos arrive. */
    private final CountDownLatch firstBatchMayGo = new CountDownLatch(1);

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final Map<UUID, AgentDirectory.Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> answeredOn = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void hellosArrivingWhileABatchIsAnsweredMakeTheNextBatch() throws Exception {
        HelloBatches hellos = new HelloBatches(new BatchingDirectory(false), executor);
        List<UUID> clients = submitted(hellos, 1);
        awaitBatches(1);
        clients.addAll(submitted(hellos, HelloBatches.MAX_BATCH + 5));
        firstBatchMayGo.countDown();

        awaitAnswers(clients.size());
        assertThat(batchSizes).containsExactly(1, HelloBatches.MAX_BATCH, 5);
        assertThat(clients).allSatisfy(client -> assertThat(
                        answers.get(client).welcomed().welcome().clientId())
                .isEqualTo(client));
        assertThat(answeredOn).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aBatchThatFailsAsAWholeAnswersEachHelloWithTheFailure() throws Exception {
        firstBatchMayGo.countDown();
        HelloBatches hellos = new HelloBatches(new BatchingDirectory(true), executor);
        List<UUID> clients = submitted(hellos, 3);

        awaitAnswers(3);
        assertThat(clients).allSatisfy(client -> {
            assertThat(answers.get(client).welcomed()).isNull();
            assertThat(answers.get(client).failure()).hasMessage("the database is gone");
        });
    }

    @Test
    void eachHelloOfTheDefaultBatchGetsItsOwnAnswer() {
        UUID welcomed = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        List<AgentDirectory.Answer> given = new BatchingDirectory(false)
                .oneByOne(List.of(connecting(welcomed, "pc"), connecting(refused, "deleted")));

        assertThat(given.get(0).welcomed().welcome().clientId()).isEqualTo(welcomed);
        assertThat(given.get(1).welcomed()).isNull();
        assertThat(given.get(1).failure()).hasMessageContaining(refused.toString());
    }

    private List<UUID> submitted(HelloBatches hellos, int count) {
        List<UUID> clients = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID client = UUID.randomUUID();
            clients.add(client);
            hellos.submit(connecting(client, "pc-" + i), answer -> {
                answeredOn.add(Thread.currentThread().getName());
                answers.put(client, answer);
            });
        }
        return clients;
    }

    private static AgentDirectory.Connecting connecting(UUID client, String hostname) {
        return new AgentDirectory.Connecting(
                new Hello(client, hostname, "Linux 6.1", "2.0", "c2ln"), "nonce", UUID.randomUUID());
    }

    private void awaitBatches(int count) throws InterruptedException {
        for (int i = 0; i < 500 && batchSizes.size() < count; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(batchSizes).hasSize(count);
    }

    private void awaitAnswers(int count) throws InterruptedException {
        for (int i = 0; i < 500 && answers.size() < count; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(answers).hasSize(count);
    }

    /** Answers a batch at once, or fails it as a whole; the first batch waits for the test. */
    private class BatchingDirectory implements AgentDirectory {

        private final boolean failing;

        BatchingDirectory(boolean failing) {
            this.failing = failing;
        }

        /** The interface's own batch: each hello on its own. */
        List<Answer> oneByOne(List<Connecting> hellos) {
            return AgentDirectory.super.agentsConnected(hellos);
        }

        @Override
        public List<Answer> agentsConnected(List<Connecting> hellos) {
            batchSizes.add(hellos.size());
            try {
                firstBatchMayGo.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new IllegalStateException("the database is gone");
            }
            return hellos.stream()
                    .map(connecting -> new Answer(
                            agentConnected(connecting.hello(), connecting.nonce(), connecting.connectionId()), null))
                    .toList();
        }

        @Override
        public Welcomed agentConnected(Hello hello, String nonce, UUID connectionId) {
            if (hello.hostname().equals("deleted")) {
                throw JumpDeskStatus.JC_NOT_FOUND.exception("no Jump Client " + hello.clientId());
            }
            return new Welcomed(
                    new Welcome(hello.clientId(), 30, 300, "ACTIVE", 60, 180, "c2l0ZQ=="), Optional.empty(), true);
        }

        @Override
        public Registered register(Register registration, String nonce) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void disconnected(UUID clientId, UUID connectionId, Instant lastHeard) {}

        @Override
        public void availabilityChanged(UUID clientId, UUID connectionId, boolean disabled) {}

        @Override
        public void uninstalled(UUID clientId) {}

        @Override
        public void statistics(UUID clientId, Statistics statistics, String publicAddress) {}

        @Override
        public Optional<UpdateAvailable> updateFor(UUID clientId, String agentVersion) {
            return Optional.empty();
        }

        @Override
        public boolean runsRelease(String agentVersion) {
            return true;
        }
    }
}
