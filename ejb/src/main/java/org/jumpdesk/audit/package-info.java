/** The audit trail: one append-only row per state change, written in the transaction of the change. */
package org.jumpdesk.audit;
