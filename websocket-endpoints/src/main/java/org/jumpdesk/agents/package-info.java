/**
 * Where Jump Clients connect: the {@code /agent} WebSocket endpoint. It only decodes, calls the domain
 * through {@link org.jumpdesk.agents.AgentDirectory}, replies, or closes with a close code that says why.
 */
package org.jumpdesk.agents;
