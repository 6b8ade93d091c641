package org.jumpdesk.agents;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The address an agent connects from, as the site sees it: its public IP when it sits behind NAT (or the
 * client address a proxy forwards, when the listener is told to trust proxies). Jakarta WebSocket has no
 * API for it (planned for WebSocket 2.3), so this asks the two implementations we run on through their
 * public methods: Undertow on WildFly and Tyrus in tests.
 */
final class PeerAddress {

    private static final Logger LOG = Logger.getLogger(PeerAddress.class.getName());

    private PeerAddress() {}

    /** The peer's IP address, or null when the implementation does not tell. */
    static String of(Session session) {
        try {
            // Undertow: UndertowSession.getWebSocketChannel().getSourceAddress()
            Method channel = method(session, "getWebSocketChannel");
            if (channel != null) {
                Object webSocketChannel = channel.invoke(session);
                Method source = method(webSocketChannel, "getSourceAddress");
                return source == null ? null : ip(source.invoke(webSocketChannel));
            }
            // Tyrus: TyrusSession.getRemoteAddr()
            Method remoteAddr = method(session, "getRemoteAddr");
            return remoteAddr == null ? null : (String) remoteAddr.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot tell the agent's address", e);
            return null;
        }
    }

    private static Method method(Object target, String name) {
        try {
            return target.getClass().getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String ip(Object address) {
        if (address instanceof InetSocketAddress socketAddress && socketAddress.getAddress() != null) {
            return socketAddress.getAddress().getHostAddress();
        }
        return null;
    }
}
