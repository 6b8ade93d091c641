package org.jumpdesk.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jumpdesk.protocol.Statistics;

/**
 * Reads the machine's statistics with what Java SE offers, plus the platform's own sources where Java has
 * none (uptime and console user on Linux). A value the platform does not give is left out, never guessed.
 */
final class MachineProbe {

    private static final Logger LOG = Logger.getLogger(MachineProbe.class.getName());

    private MachineProbe() {}

    static Statistics sample() {
        Long memoryTotal = null;
        Long memoryUsed = null;
        Double cpuLoad = null;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memoryTotal = os.getTotalMemorySize();
            memoryUsed = os.getTotalMemorySize() - os.getFreeMemorySize();
            double load = os.getCpuLoad();
            cpuLoad = load < 0 ? null : load;
        }
        Long diskTotal = null;
        Long diskUsed = null;
        try {
            FileStore root =
                    Files.getFileStore(Path.of(System.getProperty("user.home")).getRoot());
            diskTotal = root.getTotalSpace();
            diskUsed = root.getTotalSpace() - root.getUnallocatedSpace();
        } catch (IOException e) {
            LOG.log(Level.FINE, "disk usage unavailable", e);
        }
        return new Statistics(
                consoleUser(),
                privateAddresses(),
                uptimeSeconds(),
                cpuLoad,
                memoryUsed,
                memoryTotal,
                diskUsed,
                diskTotal);
    }

    private static String privateAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(MachineProbe::usable)
                    .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(","));
        } catch (SocketException e) {
            LOG.log(Level.FINE, "network addresses unavailable", e);
            return null;
        }
    }

    private static boolean usable(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** Seconds since the machine started: {@code /proc/uptime} on Linux; absent elsewhere for now. */
    private static Long uptimeSeconds() {
        Path uptime = Path.of("/proc/uptime");
        try {
            if (Files.isReadable(uptime)) {
                return (long) Double.parseDouble(
                        Files.readString(uptime, StandardCharsets.US_ASCII).split(" ")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "uptime unavailable", e);
        }
        return null;
    }

    /** Who is logged in at the console: the first user {@code who} lists on a local seat, if any. */
    private static String consoleUser() {
        try {
            Process who = new ProcessBuilder("who").redirectErrorStream(true).start();
            List<String> lines = new String(who.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            if (!who.waitFor(2, TimeUnit.SECONDS) || who.exitValue() != 0) {
                return null;
            }
            return lines.stream()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length > 1 && (fields[1].startsWith("tty") || fields[1].startsWith(":")))
                    .map(fields -> fields[0])
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
