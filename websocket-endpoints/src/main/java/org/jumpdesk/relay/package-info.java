/**
 * Support sessions relayed through the site: the representative's terminal socket on one side, the
 * agent's session connection (which the agent dials out, like everything it does) on the other.
 */
package org.jumpdesk.relay;
