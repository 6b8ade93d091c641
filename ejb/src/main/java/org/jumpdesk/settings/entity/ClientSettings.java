package org.jumpdesk.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jumpdesk.settings.boundary.ClientSettingsValues;

/** The one row of client settings. */
@Entity
@Table(name = "client_settings")
public class ClientSettings {

    public static final short ID = 1;

    @Id
    private Short id;

    @Column(name = "heartbeat_seconds", nullable = false)
    private int heartbeatSeconds;

    @Column(name = "statistics_seconds", nullable = false)
    private int statisticsSeconds;

    @Column(name = "passive_check_in_seconds", nullable = false)
    private int passiveCheckInSeconds;

    @Column(name = "offline_limit_days", nullable = false)
    private int offlineLimitDays;

    @Column(name = "max_concurrent_jumps", nullable = false)
    private int maxConcurrentJumps;

    @Column(name = "connect_timeout_seconds", nullable = false)
    private int connectTimeoutSeconds;

    @Column(name = "reconnects_per_second", nullable = false)
    private int reconnectsPerSecond;

    @Column(name = "max_concurrent_upgrades", nullable = false)
    private int maxConcurrentUpgrades;

    @Column(name = "session_idle_timeout_minutes", nullable = false)
    private int sessionIdleTimeoutMinutes;

    @Column(name = "max_file_transfer_megabytes", nullable = false)
    private int maxFileTransferMegabytes;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected ClientSettings() {}

    public ClientSettingsValues values() {
        return new ClientSettingsValues(
                heartbeatSeconds,
                statisticsSeconds,
                passiveCheckInSeconds,
                offlineLimitDays,
                maxConcurrentJumps,
                connectTimeoutSeconds,
                reconnectsPerSecond,
                maxConcurrentUpgrades,
                sessionIdleTimeoutMinutes,
                maxFileTransferMegabytes);
    }

    public void change(ClientSettingsValues values) {
        heartbeatSeconds = values.heartbeatSeconds();
        statisticsSeconds = values.statisticsSeconds();
        passiveCheckInSeconds = values.passiveCheckInSeconds();
        offlineLimitDays = values.offlineLimitDays();
        maxConcurrentJumps = values.maxConcurrentJumps();
        connectTimeoutSeconds = values.connectTimeoutSeconds();
        reconnectsPerSecond = values.reconnectsPerSecond();
        maxConcurrentUpgrades = values.maxConcurrentUpgrades();
        sessionIdleTimeoutMinutes = values.sessionIdleTimeoutMinutes();
        maxFileTransferMegabytes = values.maxFileTransferMegabytes();
    }
}
