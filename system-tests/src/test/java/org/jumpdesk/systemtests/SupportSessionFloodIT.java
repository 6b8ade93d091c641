package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-pressure, end to end: {@code yes | head -c 200M} floods one session while a second session to the
 * same agent keeps echoing keystrokes, and the site's heap stays bounded (the agent holds output back
 * until the representative's side took it, so nothing piles up in the site). Prints the echo round trip
 * during the flood and the heap figures; the bounds asserted are generous, not performance targets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportSessionFloodIT {

    private static final String PASSWORD = "correct horse battery";
    private static final long FLOOD_BYTES = 200L * 1024 * 1024;
    private static final Duration FLOOD_PATIENCE = Duration.ofMinutes(4);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    @Test
    void aFloodInOneSessionLeavesAnotherResponsiveAndTheSitesHeapBounded() throws Exception {
        String representative = TestSite.createRepresentative(PASSWORD);
        try (AgentProcess agent = SessionPage.connectedAgent(machine, representative, PASSWORD)) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
            console.logIn("console/jump-clients.xhtml", representative, PASSWORD);
            long heapBefore = SiteHeap.usedAfterFullGc();
            AtomicLong heapPeak = new AtomicLong();
            ScheduledExecutorService heapWatch = Executors.newSingleThreadScheduledExecutor();
            heapWatch.scheduleWithFixedDelay(
                    () -> heapPeak.accumulateAndGet(SiteHeap.used(), Math::max), 0, 1, TimeUnit.SECONDS);

            Tail floodTail = new Tail();
            Semaphore echoes = new Semaphore(0);
            List<Long> roundTripsMicros = new ArrayList<>();
            boolean floodCompleted;
            Instant floodStart;
            long floodReceived;
            try (TerminalClient flood = TerminalClient.jump(console, client, floodTail);
                    TerminalClient second = TerminalClient.jump(console, client, countingX(echoes))) {
                awaitStarted(flood);
                awaitStarted(second);

                floodStart = Instant.now();
                flood.type("yes | head -c 200M; echo flood-$((40+2))-done\n");
                Instant deadline = floodStart.plus(FLOOD_PATIENCE);
                int onTheLine = 0;
                while (!floodTail.contains("flood-42-done") && Instant.now().isBefore(deadline)) {
                    echoes.drainPermits();
                    long sent = System.nanoTime();
                    second.type("x");
                    // A lost or very late echo counts as 10 s and weighs on the p99 asserted below.
                    boolean echoed = echoes.tryAcquire(10, TimeUnit.SECONDS);
                    roundTripsMicros.add(echoed ? (System.nanoTime() - sent) / 1_000 : 10_000_000);
                    if (++onTheLine == 40) {
                        second.type("\u0015"); // Ctrl-U: clear the line, keep it short
                        onTheLine = 0;
                    }
                    // A typist's pace, not a benchmark's: the point is responsiveness during the flood.
                    echoes.tryAcquire(20, TimeUnit.MILLISECONDS);
                }
                floodCompleted = floodTail.contains("flood-42-done");
                System.out.printf(
                        "flood: %d MiB received after %d s, completed: %s%n",
                        flood.outputBytes() >> 20,
                        Duration.between(floodStart, Instant.now()).toSeconds(),
                        floodCompleted);
                assertThat(flood.nextControl(Duration.ZERO))
                        .as("the flooded session is still open")
                        .isNull();
                if (!floodCompleted) {
                    flood.type("\u0003echo stopped-$((1+1))\n");
                    Fixtures.awaitTrue(() -> floodTail.contains("stopped-2"), "the flood ended with Ctrl-C");
                }
                floodReceived = flood.outputBytes();
            } finally {
                heapWatch.shutdownNow();
            }
            Duration floodTime = Duration.between(floodStart, Instant.now());
            long heapAfter = SiteHeap.usedAfterFullGc();

            List<Long> sorted = roundTripsMicros.stream().sorted().toList();
            long p50 = percentile(sorted, 50);
            long p99 = percentile(sorted, 99);
            System.out.printf(
                    "flood: %s, %d MiB received in %d ms (%.1f MiB/s); second session echo round trip during the"
                            + " flood: %d samples, p50 %.1f ms, p99 %.1f ms, max %.1f ms; site heap used after full GC"
                            + " %d MiB before, %d MiB after, peak %d MiB during%n",
                    floodCompleted ? "completed" : "ended with Ctrl-C",
                    floodReceived >> 20,
                    floodTime.toMillis(),
                    (floodReceived / 1048576.0) / (floodTime.toMillis() / 1000.0),
                    sorted.size(),
                    p50 / 1000.0,
                    p99 / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0,
                    heapBefore >> 20,
                    heapAfter >> 20,
                    heapPeak.get() >> 20);

            assertThat(floodReceived)
                    .as("what the flood sent reached the representative")
                    .isGreaterThan(floodCompleted ? FLOOD_BYTES : 0);
            assertThat(sorted).hasSizeGreaterThan(10);
            assertThat(p99).as("echo p99 in microseconds").isLessThan(1_000_000);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L << 20);
        }
    }

    private static void awaitStarted(TerminalClient terminal) throws InterruptedException {
        assertThat(terminal.nextControl(Duration.ofSeconds(30))).startsWith("{\"type\":\"started\",");
    }

    /** Releases a permit for every 'x' the terminal shows. */
    private static Consumer<byte[]> countingX(Semaphore echoes) {
        return chunk -> {
            for (byte b : chunk) {
                if (b == 'x') {
                    echoes.release();
                }
            }
        };
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    /** The last bytes of a stream of chunks, to spot a marker that may be split across two of them. */
    private static final class Tail implements Consumer<byte[]> {

        private final StringBuilder last = new StringBuilder();

        @Override
        public synchronized void accept(byte[] chunk) {
            last.append(new String(chunk, StandardCharsets.ISO_8859_1));
            if (last.length() > 256) {
                last.delete(0, last.length() - 256);
            }
        }

        synchronized boolean contains(String text) {
            return last.indexOf(text) >= 0;
        }
    }

    /** The test WildFly's heap, read with {@code jcmd} from its process (found by its port offset). */
    private static final class SiteHeap {

        private static final Pattern USED = Pattern.compile("used (\\d+)K");

        static long usedAfterFullGc() {
            jcmd("GC.run");
            return used();
        }

        static long used() {
            Matcher used = USED.matcher(jcmd("GC.heap_info"));
            if (!used.find()) {
                throw new IllegalStateException("no heap figure from jcmd");
            }
            return Long.parseLong(used.group(1)) * 1024;
        }

        private static String jcmd(String command) {
            try {
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid()), command)
                        .redirectErrorStream(true)
                        .start();
                String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                return output;
            } catch (Exception e) {
                throw new IllegalStateException("jcmd " + command, e);
            }
        }

        private static long pid() {
            Pattern offset =
                    Pattern.compile("-Djboss\\.socket\\.binding\\.port-offset=" + TestSite.portOffset() + "(\\s|$)");
            return ProcessHandle.allProcesses()
                    .filter(p -> {
                        String line = p.info().commandLine().orElse("");
                        return line.contains("jboss-modules")
                                && offset.matcher(line).find();
                    })
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no WildFly with port offset " + TestSite.portOffset()))
                    .pid();
        }
    }
}
