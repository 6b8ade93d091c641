package org.jumpdesk.installers.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.installers.entity.Installer;
import org.jumpdesk.jumpclients.entity.InstallMode;

/**
 * What a package built on download carries about its installer, besides the key its link holds.
 *
 * @param validUntil the first start of an installed client must come before it
 */
public record DownloadableInstaller(
        UUID id,
        Instant validUntil,
        InstallMode installMode,
        String jumpGroup,
        String tag,
        String comments,
        boolean jumpGroupOverride,
        boolean tagOverride,
        boolean commentsOverride) {

    static DownloadableInstaller of(Installer installer) {
        Installer.Template template = installer.template();
        return new DownloadableInstaller(
                installer.id(),
                installer.validUntil(),
                template.installMode(),
                template.jumpGroup().name(),
                template.tag(),
                template.comments(),
                template.overrideJumpGroup(),
                template.overrideTag(),
                template.overrideComments());
    }
}
