package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jumpdesk.licensing.boundary.LicenseUsage;
import org.jumpdesk.licensing.boundary.Licensing;

/** {@code admin/license.xhtml}: limits, usage, and a warning from 90 % of a limit on. */
@Named
@RequestScoped
public class LicenseAdministration {

    /** From this share of a limit on, the page warns. */
    static final double WARNING_SHARE = 0.9;

    @EJB
    private Licensing licensing;

    @Inject
    private AdminActions actions;

    private LicenseUsage usage;
    private int packs;
    private int activeLimit;

    @PostConstruct
    void load() {
        usage = licensing.usage();
        packs = usage.packs();
        activeLimit = usage.activeLimit();
    }

    public void change() {
        actions.run(
                () -> licensing.change(actions.actor(), packs, activeLimit),
                "admin.license.changed",
                packs,
                activeLimit);
        usage = licensing.usage();
    }

    public LicenseUsage getUsage() {
        return usage;
    }

    /** {@code full}, {@code near} or {@code ok} for the deployed limit. */
    public String getDeployedLevel() {
        return level(usage.deployedCount(), usage.deployedLimit());
    }

    /** {@code full}, {@code near} or {@code ok} for the active limit. */
    public String getActiveLevel() {
        return level(usage.activeCount(), usage.activeLimit());
    }

    static String level(int used, int limit) {
        if (used >= limit) {
            return "full";
        }
        return used >= limit * WARNING_SHARE ? "near" : "ok";
    }

    public int getPacks() {
        return packs;
    }

    public void setPacks(int packs) {
        this.packs = packs;
    }

    public int getActiveLimit() {
        return activeLimit;
    }

    public void setActiveLimit(int activeLimit) {
        this.activeLimit = activeLimit;
    }
}
