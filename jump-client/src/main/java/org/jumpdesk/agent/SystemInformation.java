package org.jumpdesk.agent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jumpdesk.protocol.Statistics;

/**
 * The system information pane's data: the machine's statistics ({@link MachineProbe}), its disks, and the
 * process list with each process's CPU share since the previous sample, all from Java SE and the
 * platform's own files (resident memory from {@code /proc} on Linux, absent elsewhere) — no native library,
 * so the agent jar stays as small as it is. One instance per support session keeps the previous sample.
 */
final class SystemInformation {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_DISKS = 32;

    private Map<Long, Duration> previousCpu = new HashMap<>();
    private long previousNanos;

    synchronized String document() {
        Statistics statistics = MachineProbe.sample();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "system-info")
                .add("hostname", hostname())
                .add("operatingSystem", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .add("architecture", System.getProperty("os.arch"))
                .add("processors", Runtime.getRuntime().availableProcessors());
        addIfPresent(json, "consoleUser", statistics.consoleUser());
        addIfPresent(json, "uptimeSeconds", statistics.uptimeSeconds());
        addIfPresent(json, "memoryUsedBytes", statistics.memoryUsedBytes());
        addIfPresent(json, "memoryTotalBytes", statistics.memoryTotalBytes());
        if (statistics.cpuLoad() != null) {
            json.add("cpuLoad", statistics.cpuLoad());
        }
        return json.add("disks", disks()).add("processes", processes()).build().toString();
    }

    private static JsonArrayBuilder disks() {
        JsonArrayBuilder disks = JSON.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (FileStore store : FileSystems.getDefault().getFileStores()) {
            try {
                long total = store.getTotalSpace();
                if (total > 0 && seen.add(store.name()) && seen.size() <= MAX_DISKS) {
                    disks.add(JSON.createObjectBuilder()
                            .add("name", store.toString())
                            .add("type", store.type())
                            .add("totalBytes", total)
                            .add("usedBytes", total - store.getUnallocatedSpace()));
                }
            } catch (IOException e) {
                // A store the agent's user may not query is left out.
            }
        }
        return disks;
    }

    /** Every process the OS shows the agent's user; CPU in percent of one processor since the last sample. */
    private JsonArrayBuilder processes() {
        long now = System.nanoTime();
        double wallSeconds = previousNanos == 0 ? 0 : (now - previousNanos) / 1e9;
        Map<Long, Duration> cpu = new HashMap<>();
        JsonArrayBuilder processes = JSON.createArrayBuilder();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            long pid = process.pid();
            JsonObjectBuilder row = JSON.createObjectBuilder()
                    .add("pid", pid)
                    .add("name", info.command().map(SystemInformation::baseName).orElse("?"))
                    .add("user", info.user().orElse(""));
            Duration used = info.totalCpuDuration().orElse(null);
            if (used != null) {
                cpu.put(pid, used);
                Double percent = cpuPercent(
                        used,
                        previousCpu.get(pid),
                        wallSeconds,
                        info.startInstant().orElse(null));
                if (percent != null) {
                    row.add("cpuPercent", Math.round(percent * 10) / 10.0);
                }
            }
            Long resident = residentBytes(pid);
            if (resident != null) {
                row.add("memoryBytes", resident);
            }
            processes.add(row);
        });
        previousCpu = cpu;
        previousNanos = now;
        return processes;
    }

    /** Since the last sample when there was one, else the average since the process started. */
    static Double cpuPercent(Duration used, Duration before, double wallSeconds, Instant started) {
        if (before != null && wallSeconds > 0) {
            return Math.max(0, (used.toNanos() - before.toNanos()) / 1e9 / wallSeconds * 100);
        }
        if (started == null) {
            return null;
        }
        double alive = Duration.between(started, Instant.now()).toNanos() / 1e9;
        return alive <= 0 ? null : used.toNanos() / 1e9 / alive * 100;
    }

    /** Resident memory from {@code /proc/<pid>/status} (Linux); null where the platform does not tell. */
    private static Long residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String baseName(String command) {
        int slash = Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\'));
        return command.substring(slash + 1);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static void addIfPresent(JsonObjectBuilder json, String member, Object value) {
        if (value instanceof String text) {
            json.add(member, text);
        } else if (value instanceof Long number) {
            json.add(member, number);
        }
    }
}
