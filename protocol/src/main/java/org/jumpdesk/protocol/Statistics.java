package org.jumpdesk.protocol;

/**
 * What an agent reports about its machine at the statistics interval. Any value may be null when the
 * platform does not tell it.
 *
 * @param consoleUser the user logged in at the machine's console
 * @param privateIps the machine's own addresses, comma separated
 * @param cpuLoad recent CPU load of the whole machine, 0 to 1
 */
public record Statistics(
        String consoleUser,
        String privateIps,
        Long uptimeSeconds,
        Double cpuLoad,
        Long memoryUsedBytes,
        Long memoryTotalBytes,
        Long diskUsedBytes,
        Long diskTotalBytes)
        implements Message {

    @Override
    public MessageType type() {
        return MessageType.STATISTICS;
    }
}
