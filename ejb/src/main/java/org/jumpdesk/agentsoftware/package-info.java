/**
 * The agent software the site hands out: the release bundled with the site ({@code AgentRelease}), the
 * site's release-signing key, and which agents are updating, within the site's limit of concurrent
 * upgrades ({@code AgentUpdates}).
 */
package org.jumpdesk.agentsoftware;
