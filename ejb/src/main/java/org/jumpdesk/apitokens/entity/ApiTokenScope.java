package org.jumpdesk.apitokens.entity;

/** What a token may do: {@code READ} only reads (HTTP GET), {@code WRITE} reads and changes. */
public enum ApiTokenScope {
    READ,
    WRITE;

    public boolean allowsWriting() {
        return this == WRITE;
    }
}
