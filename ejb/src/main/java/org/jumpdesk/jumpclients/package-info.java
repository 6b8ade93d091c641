/**
 * Jump Clients: the installed agents as the site records them, and the site-wide state machine they follow
 * (SPEC §2).
 */
package org.jumpdesk.jumpclients;
