package org.jumpdesk.installers.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.installers.entity.Installer;
import org.jumpdesk.jumpgroups.control.JumpGroupNames;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.licensing.control.LicenseGuard;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Texts;

/**
 * Creating, listing and revoking installers: administrators for every group; members of a shared group
 * with the deploy permission create installers for that group. Each public method is one JTA transaction.
 */
@Stateless
@AuditedAs
public class Installers {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroupNames groupNames;

    @EJB
    private LicenseGuard licenseGuard;

    @EJB
    private InstallerKeys installerKeys;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * Makes an installer. Refused with {@code JC_LIMIT_DEPLOYED} when the license has no free deployed slot,
     * since no machine could register with it.
     *
     * @return the installer with its key, which is not shown again
     */
    @AuditedAs("installer.create")
    public InstallerView create(Actor actor, @NotNull @Valid InstallerRequest request) {
        JumpGroup group = groupNames.existing(request.jumpGroup());
        permissions.requireDeploy(actor, group.id());
        licenseGuard.requireFreeDeployedSlot();
        Instant now = clock.instant();
        String key = InstallerKeys.newKey();
        Installer installer = new Installer(
                UUID.randomUUID(),
                InstallerKeys.hash(key),
                new Installer.Template(
                        group,
                        Texts.blankToNull(request.tag()),
                        Texts.blankToNull(request.comments()),
                        request.mode(),
                        request.installMode(),
                        request.allowJumpGroupOverride(),
                        request.allowTagOverride(),
                        request.allowCommentsOverride()),
                now.plus(Duration.ofMinutes(request.validForMinutes())),
                actor.name(),
                now);
        entityManager.persist(installer);
        auditTrail.record(actor.name(), "installer.create", installer.id().toString(), request.jumpGroup());
        return InstallerView.of(installer, key);
    }

    /** Revokes an installer: clients it already registered stay; no new one can register with it. */
    @AuditedAs("installer.revoke")
    public void revoke(Actor actor, UUID installerId) {
        permissions.requireAdministrator(actor);
        Installer installer = entityManager.find(Installer.class, installerId);
        if (installer == null) {
            throw JumpDeskStatus.INVALID_INPUT.exception("no installer " + installerId);
        }
        installer.revoke(clock.instant());
        auditTrail.record(actor.name(), "installer.revoke", installerId.toString(), null);
    }

    /**
     * The installer whose download link carries this key, for building its package. Anyone holding the link
     * may download while the installer is valid; the key is the secret, as in the package itself.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INSTALLER_INVALID} (unknown, expired, revoked),
     *     {@code JC_LIMIT_DEPLOYED} when no machine could register now
     */
    @AuditedAs("installer.download")
    public DownloadableInstaller forDownload(String key) {
        Installer installer = installerKeys.usable(key, clock.instant());
        licenseGuard.requireFreeDeployedSlot();
        return DownloadableInstaller.of(installer);
    }

    /**
     * The names of the Jump Groups the actor may make installers for, for the installer wizard: every group,
     * shared and personal ({@code user:<name>}), for administrators; the groups where they hold the deploy
     * permission for anyone else.
     */
    public List<String> jumpGroupNames(Actor actor) {
        if (!permissions.user(actor).administrator()) {
            List<Long> deployable = permissions.deployGroups(actor);
            return deployable.isEmpty()
                    ? List.of()
                    : entityManager
                            .createQuery(
                                    "SELECT g.name FROM JumpGroup g WHERE g.id IN :ids ORDER BY g.name", String.class)
                            .setParameter("ids", deployable)
                            .getResultList();
        }
        return entityManager
                .createQuery("SELECT g.name FROM JumpGroup g ORDER BY g.name", String.class)
                .getResultList();
    }

    /** All installers, newest first, without their keys. */
    public List<InstallerView> list(Actor actor) {
        permissions.requireAdministrator(actor);
        return entityManager
                .createQuery("SELECT i FROM Installer i ORDER BY i.createdAt DESC", Installer.class)
                .getResultStream()
                .map(i -> InstallerView.of(i, null))
                .toList();
    }
}
