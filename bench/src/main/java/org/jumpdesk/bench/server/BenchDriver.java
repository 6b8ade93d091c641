package org.jumpdesk.bench.server;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.shared.Actor;

/**
 * Calls the real boundaries from inside the server, so a figure is the use case's (transaction, row
 * locks, audit chain) and not an HTTP client's. Deployed only in the benchmark's EAR. Every request is a
 * {@code POST} with the Jump Client ids one per line:
 *
 * <ul>
 *   <li>{@code /audited-changes?actor=&group=&threads=&seconds=}: each thread changes the tag of its share
 *       of the clients through {@link JumpClients#applyProperties} (one audited transaction each, as the
 *       console's Properties saves) until the time is up; answers {@code changes=<n> failed=<n>
 *       millis=<n>}.
 *   <li>{@code /last-contacts}: writes "heard now" for all of them through
 *       {@link AgentConnections#recordLastHeard}, the node's batched last-seen flush; answers
 *       {@code clients=<n> micros=<n>}.
 * </ul>
 */
@WebServlet(urlPatterns = {"/audited-changes", "/last-contacts"})
public class BenchDriver extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient JumpClients jumpClients;

    @EJB
    private transient AgentConnections agentConnections;

    @Resource
    private transient ManagedExecutorService executor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<UUID> clients = request.getReader().lines().map(UUID::fromString).toList();
        String answer = request.getServletPath().equals("/last-contacts")
                ? lastContacts(clients)
                : auditedChanges(request, clients);
        response.setContentType("text/plain");
        response.getWriter().print(answer);
    }

    private String lastContacts(List<UUID> clients) {
        Map<UUID, Instant> heard = new HashMap<>();
        Instant now = Instant.now();
        clients.forEach(id -> heard.put(id, now));
        long start = System.nanoTime();
        agentConnections.recordLastHeard(heard);
        return "clients=" + clients.size() + " micros=" + (System.nanoTime() - start) / 1000;
    }

    private String auditedChanges(HttpServletRequest request, List<UUID> clients) throws IOException {
        Actor actor = Actor.user(request.getParameter("actor"));
        String group = request.getParameter("group");
        int threads = Integer.parseInt(request.getParameter("threads"));
        long deadline = System.nanoTime() + Long.parseLong(request.getParameter("seconds")) * 1_000_000_000L;
        AtomicLong changes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(executor.submit(() -> {
                for (int i = first; System.nanoTime() < deadline; i += threads) {
                    try {
                        jumpClients.applyProperties(
                                actor,
                                clients.get(i % clients.size()),
                                new JumpClientProperties(group, "bench-" + (i % 997), null, JumpClientMode.ACTIVE));
                        changes.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("a worker failed", e.getCause());
            }
        }
        return "changes=" + changes + " failed=" + failed + " millis=" + (System.nanoTime() - start) / 1_000_000;
    }
}
