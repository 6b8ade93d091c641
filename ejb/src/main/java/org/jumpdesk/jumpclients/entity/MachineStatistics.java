package org.jumpdesk.jumpclients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The last statistics an agent reported about its machine; kept after uninstall. Every value may be
 * absent until the first report. Immutable: a new report replaces the whole value.
 */
@Embeddable
public class MachineStatistics {

    public static final MachineStatistics NONE = new MachineStatistics();

    /** The user logged in at the machine's console. */
    @Column(name = "console_user")
    private String consoleUser;

    /** The machine's own addresses, comma separated. */
    @Column(name = "private_ips")
    private String privateIps;

    /** The address the site saw the agent connect from. */
    @Column(name = "public_ip")
    private String publicIp;

    @Column(name = "uptime_seconds")
    private Long uptimeSeconds;

    @Column(name = "cpu_load")
    private Double cpuLoad;

    @Column(name = "memory_used_bytes")
    private Long memoryUsedBytes;

    @Column(name = "memory_total_bytes")
    private Long memoryTotalBytes;

    @Column(name = "disk_used_bytes")
    private Long diskUsedBytes;

    @Column(name = "disk_total_bytes")
    private Long diskTotalBytes;

    /** When the agent reported them. */
    @Column(name = "statistics_at")
    private Instant reportedAt;

    protected MachineStatistics() {}

    /** Values in the order of the accessors; any may be null. */
    public MachineStatistics(
            String consoleUser,
            String privateIps,
            String publicIp,
            Long uptimeSeconds,
            Double cpuLoad,
            Long memoryUsedBytes,
            Long memoryTotalBytes,
            Long diskUsedBytes,
            Long diskTotalBytes,
            Instant reportedAt) {
        this.consoleUser = consoleUser;
        this.privateIps = privateIps;
        this.publicIp = publicIp;
        this.uptimeSeconds = uptimeSeconds;
        this.cpuLoad = cpuLoad;
        this.memoryUsedBytes = memoryUsedBytes;
        this.memoryTotalBytes = memoryTotalBytes;
        this.diskUsedBytes = diskUsedBytes;
        this.diskTotalBytes = diskTotalBytes;
        this.reportedAt = reportedAt;
    }

    /**
     * Refuses ({@code INVALID_INPUT}) a text longer than its column, naming the field and its limit: reports
     * are written many clients at once, where one oversized value would fail them all.
     */
    public MachineStatistics requireFits() {
        requireFits("consoleUser", consoleUser, 255);
        requireFits("privateIps", privateIps, 1024);
        requireFits("publicIp", publicIp, 64);
        return this;
    }

    private static void requireFits(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw JumpDeskStatus.INVALID_INPUT.exception(
                    "statistics." + field + ": at most " + limit + " characters, got " + value.length());
        }
    }

    public String consoleUser() {
        return consoleUser;
    }

    public String privateIps() {
        return privateIps;
    }

    public String publicIp() {
        return publicIp;
    }

    public Long uptimeSeconds() {
        return uptimeSeconds;
    }

    public Double cpuLoad() {
        return cpuLoad;
    }

    public Long memoryUsedBytes() {
        return memoryUsedBytes;
    }

    public Long memoryTotalBytes() {
        return memoryTotalBytes;
    }

    public Long diskUsedBytes() {
        return diskUsedBytes;
    }

    public Long diskTotalBytes() {
        return diskTotalBytes;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
