package org.jumpdesk.installers.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.installers.entity.Installer;

/**
 * An installer as lists show it.
 *
 * @param key the installer key: present only in the answer to its creation, never stored readable
 */
public record InstallerView(
        UUID id,
        String key,
        String jumpGroup,
        String tag,
        Instant validUntil,
        boolean revoked,
        int uses,
        String createdBy,
        Instant createdAt) {

    static InstallerView of(Installer installer, String key) {
        return new InstallerView(
                installer.id(),
                key,
                installer.template().jumpGroup().name(),
                installer.template().tag(),
                installer.validUntil(),
                installer.revokedAt() != null,
                installer.uses(),
                installer.createdBy(),
                installer.createdAt());
    }
}
