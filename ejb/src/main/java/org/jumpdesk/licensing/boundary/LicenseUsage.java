package org.jumpdesk.licensing.boundary;

/** The license limits and how much of them is used. */
public record LicenseUsage(int packs, int deployedLimit, int deployedCount, int activeLimit, int activeCount) {}
