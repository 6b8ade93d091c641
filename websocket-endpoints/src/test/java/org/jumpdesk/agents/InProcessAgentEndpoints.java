package org.jumpdesk.agents;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.glassfish.tyrus.core.ComponentProvider;
import org.jumpdesk.relay.SessionRelay;

/**
 * Lets Tyrus create {@link AgentEndpoint}s wired to the directory the running test chose, since outside
 * WildFly there is no CDI to inject one. Registered through {@code META-INF/services}.
 */
public class InProcessAgentEndpoints extends ComponentProvider {

    /** The directory new endpoints get; set by the test before it connects. */
    static volatile AgentDirectory directory;

    /** The presence all endpoints share, as one node's application-scoped bean would be. */
    static final AgentPresence presence = new AgentPresence();

    /** The admission all endpoints share; tests may lower its rate. */
    static final ConnectionAdmission admission = new ConnectionAdmission();

    /** Where each endpoint's hellos are answered, as the container's executor would. */
    private static final Executor HELLOS = Executors.newCachedThreadPool();

    @Override
    public boolean isApplicable(Class<?> type) {
        return type == AgentEndpoint.class;
    }

    @Override
    public <T> Object create(Class<T> type) {
        return new AgentEndpoint(
                directory, presence, admission, new SessionRelay(), new HelloBatches(directory, HELLOS));
    }

    @Override
    public boolean destroy(Object endpoint) {
        return false;
    }
}
