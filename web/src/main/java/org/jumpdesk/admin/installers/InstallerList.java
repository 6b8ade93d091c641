package org.jumpdesk.admin.installers;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.installers.boundary.InstallerView;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.security.CurrentUser;

/** The installers page: every installer with its validity, its uses, and Revoke. */
@Named
@RequestScoped
public class InstallerList {

    @EJB
    private Installers installers;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Clock clock;

    private List<InstallerView> all = List.of();

    @PostConstruct
    void load() {
        all = installers.list(currentUser.actor());
    }

    public void revoke(UUID installerId) {
        installers.revoke(currentUser.actor(), installerId);
        load();
    }

    /** {@code revoked}, {@code expired} or {@code valid}: the bundle key's last part. */
    public String validity(InstallerView installer) {
        if (installer.revoked()) {
            return "revoked";
        }
        return installer.validUntil().isAfter(clock.instant()) ? "valid" : "expired";
    }

    public List<InstallerView> getInstallers() {
        return all;
    }
}
