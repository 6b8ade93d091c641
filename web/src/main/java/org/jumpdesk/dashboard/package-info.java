/**
 * Samples for the admin portal's dashboard, taken on every node: how many agents are connected (through
 * {@link org.jumpdesk.dashboard.ConnectedClients}) and the site's Jump Client states.
 */
package org.jumpdesk.dashboard;
