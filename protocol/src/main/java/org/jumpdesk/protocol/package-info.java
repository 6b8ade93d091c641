/**
 * The wire protocol spoken between a Jump Client and the site over WebSocket: one JSON object per text
 * frame, discriminated by its {@code type} member. Both ends use {@link org.jumpdesk.protocol.MessageCodec}
 * so the two sides cannot drift apart.
 */
package org.jumpdesk.protocol;
