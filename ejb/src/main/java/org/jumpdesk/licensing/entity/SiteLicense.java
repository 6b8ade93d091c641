package org.jumpdesk.licensing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one license row: limits and current usage. Usage changes only through {@code LicenseGuard}. */
@Entity
@Table(name = "site_license")
public class SiteLicense {

    /** Jump Clients come in packs of this many. */
    public static final int PACK_SIZE = 25;

    /** The single row's key. */
    public static final short ID = 1;

    @Id
    private Short id;

    @Column(nullable = false)
    private int packs;

    @Column(name = "active_limit", nullable = false)
    private int activeLimit;

    @Column(name = "deployed_count", nullable = false, insertable = false, updatable = false)
    private int deployedCount;

    @Column(name = "active_count", nullable = false, insertable = false, updatable = false)
    private int activeCount;

    protected SiteLicense() {}

    public void change(int packs, int activeLimit) {
        if (packs < 0 || activeLimit < 0) {
            throw new IllegalArgumentException("packs and active limit must not be negative");
        }
        this.packs = packs;
        this.activeLimit = activeLimit;
    }

    public int packs() {
        return packs;
    }

    public int deployedLimit() {
        return packs * PACK_SIZE;
    }

    public int activeLimit() {
        return activeLimit;
    }

    public int deployedCount() {
        return deployedCount;
    }

    public int activeCount() {
        return activeCount;
    }
}
