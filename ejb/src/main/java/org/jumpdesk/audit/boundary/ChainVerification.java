package org.jumpdesk.audit.boundary;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param rowsChecked how many rows the chain holds (sealed rows; a row is sealed within a second of its commit)
 * @param brokenAtId id of the first row whose link is broken, or null when the chain is intact
 * @param reason what is wrong there: {@code altered} (the row's content no longer matches its hash),
 *     {@code predecessor missing} (a row before it was deleted), {@code predecessor altered} (its stored
 *     predecessor hash does not match the row before it)
 */
public record ChainVerification(long rowsChecked, Long brokenAtId, String reason) {

    public boolean intact() {
        return brokenAtId == null;
    }
}
