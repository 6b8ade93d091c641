/**
 * The Jump Client agent: keeps an outbound WebSocket to the site, says who it is, and proves it is alive.
 * Plain Java SE with the Tyrus client; no Jakarta EE container.
 */
package org.jumpdesk.agent;
