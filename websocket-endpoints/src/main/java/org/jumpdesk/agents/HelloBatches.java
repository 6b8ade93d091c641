package org.jumpdesk.agents;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers this node's hellos together: the hellos that arrive while a batch is with the directory make the
 * next batch. One agent alone is answered at once; thousands returning after a restart are answered in
 * batches of up to {@link #MAX_BATCH}, one transaction each, where a transaction per hello cost the node
 * and the database more than the hellos' own work (container layers, pool, commit). At most one batch runs
 * at a time, on the container's executor, never on a thread serving connections.
 */
@ApplicationScoped
public class HelloBatches {

    /** Hellos answered together, at most. */
    static final int MAX_BATCH = 200;

    private static final Logger LOG = Logger.getLogger(HelloBatches.class.getName());

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    private AgentDirectory directory;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private Executor executor;

    /** For the container, which injects the directory and its executor. */
    public HelloBatches() {}

    HelloBatches(AgentDirectory directory, Executor executor) {
        this.directory = directory;
        this.executor = executor;
    }

    private record Pending(AgentDirectory.Connecting hello, Consumer<AgentDirectory.Answer> answer) {}

    /**
     * Queues a hello; its answer is given to {@code answer} on the thread of its batch, once.
     */
    public void submit(AgentDirectory.Connecting hello, Consumer<AgentDirectory.Answer> answer) {
        pending.add(new Pending(hello, answer));
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The node shuts down: what waits is answered with the failure.
                draining.set(false);
                answerAll(take(Integer.MAX_VALUE), e);
            }
        }
    }

    /** Answers batches until none is left; a hello queued as the last batch ends starts the next drain. */
    private void drain() {
        do {
            for (List<Pending> batch = take(MAX_BATCH); !batch.isEmpty(); batch = take(MAX_BATCH)) {
                answer(batch);
            }
            draining.set(false);
        } while (!pending.isEmpty() && draining.compareAndSet(false, true));
    }

    private List<Pending> take(int most) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < most && (next = pending.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void answer(List<Pending> batch) {
        List<AgentDirectory.Answer> answers;
        try {
            answers =
                    directory.agentsConnected(batch.stream().map(Pending::hello).toList());
        } catch (RuntimeException e) {
            answerAll(batch, e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            give(batch.get(i), answers.get(i));
        }
    }

    private static void answerAll(List<Pending> batch, RuntimeException failure) {
        batch.forEach(waiting -> give(waiting, new AgentDirectory.Answer(null, failure)));
    }

    /** Gives one connection its answer; whatever it does with it stays with that connection. */
    private static void give(Pending waiting, AgentDirectory.Answer answer) {
        try {
            waiting.answer().accept(answer);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the answer to a hello was not given", e);
        }
    }
}
