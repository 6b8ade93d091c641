package org.jumpdesk.agents;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.agentsoftware.boundary.AgentUpdates;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.boundary.AgentProof;
import org.jumpdesk.jumpclients.boundary.AgentWelcome;
import org.jumpdesk.jumpclients.boundary.ConnectingAgent;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.boundary.RegisteredClient;
import org.jumpdesk.jumpclients.boundary.Registration;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.MachineStatistics;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.UpdateAvailable;
import org.jumpdesk.protocol.Welcome;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.shared.InputViolations;

/** The agent directory on a running site: the Jump Client boundaries, each call its own transaction. */
@ApplicationScoped
public class SiteAgentDirectory implements AgentDirectory {

    private static final Logger LOG = Logger.getLogger(SiteAgentDirectory.class.getName());

    @EJB
    private JumpClients jumpClients;

    @EJB
    private AgentConnections agentConnections;

    @EJB
    private AgentUpdates agentUpdates;

    @EJB
    private AgentRelease agentRelease;

    @Inject
    private StatisticsReports statisticsReports;

    @Override
    public Registered register(Register registration, String nonce) {
        RegisteredClient client = validated(() -> jumpClients.register(
                registration.installerKey(),
                new Registration(
                        new AgentDescription(
                                registration.hostname(), registration.operatingSystem(), registration.agentVersion()),
                        registration.publicKey(),
                        registration.jumpGroup(),
                        registration.tag(),
                        registration.comments()),
                new AgentProof(nonce, registration.signature())));
        return new Registered(client.clientId(), client.mode().name(), agentUpdates.siteKey());
    }

    @Override
    public Welcomed agentConnected(Hello hello, String nonce, UUID connectionId) {
        return welcomed(
                validated(() -> agentConnections.connect(
                        connectionId, hello.clientId(), proof(hello, nonce), description(hello))),
                agentUpdates.siteKey());
    }

    /**
     * Returning agents in one transaction ({@link AgentConnections#connectReturning}), the others one by
     * one; if the batch fails as a whole (a hello that does not validate, a deadlock), every hello is taken
     * on its own and gets its own answer.
     */
    @Override
    public List<Answer> agentsConnected(List<Connecting> hellos) {
        Map<UUID, AgentWelcome> returning;
        try {
            returning = agentConnections.connectReturning(hellos.stream()
                    .map(connecting -> new ConnectingAgent(
                            connecting.connectionId(),
                            connecting.hello().clientId(),
                            proof(connecting.hello(), connecting.nonce()),
                            description(connecting.hello())))
                    .toList());
        } catch (RuntimeException e) {
            Level level = InputViolations.find(e) == null ? Level.WARNING : Level.FINE;
            LOG.log(level, hellos.size() + " hellos not answered together; one by one", e);
            returning = Map.of();
        }
        String siteKey = agentUpdates.siteKey();
        List<Answer> answers = new ArrayList<>(hellos.size());
        for (Connecting connecting : hellos) {
            AgentWelcome welcome = returning.get(connecting.connectionId());
            answers.add(welcome == null ? answerAlone(connecting) : new Answer(welcomed(welcome, siteKey), null));
        }
        return answers;
    }

    private static AgentProof proof(Hello hello, String nonce) {
        return new AgentProof(nonce, hello.signature());
    }

    private static AgentDescription description(Hello hello) {
        return new AgentDescription(hello.hostname(), hello.operatingSystem(), hello.agentVersion());
    }

    private static Welcomed welcomed(AgentWelcome client, String siteKey) {
        ClientSettingsValues current = client.settings();
        Welcome welcome = new Welcome(
                client.clientId(),
                current.heartbeatSeconds(),
                current.statisticsSeconds(),
                client.mode().name(),
                current.passiveCheckInSeconds(),
                client.offlineLimitDays(),
                siteKey);
        return new Welcomed(welcome, client.update().map(SiteAgentDirectory::offered), client.onRelease());
    }

    @Override
    public void disconnected(UUID clientId, UUID connectionId, Instant lastHeard) {
        agentConnections.disconnected(clientId, connectionId, lastHeard);
    }

    @Override
    public void availabilityChanged(UUID clientId, UUID connectionId, boolean disabled) {
        agentConnections.availabilityChanged(clientId, connectionId, disabled);
    }

    /** Checked now, written with the node's other reports within two seconds ({@link StatisticsReports}). */
    @Override
    public void statistics(UUID clientId, Statistics statistics, String publicAddress) {
        statisticsReports.add(
                clientId,
                new MachineStatistics(
                                statistics.consoleUser(),
                                statistics.privateIps(),
                                publicAddress,
                                statistics.uptimeSeconds(),
                                statistics.cpuLoad(),
                                statistics.memoryUsedBytes(),
                                statistics.memoryTotalBytes(),
                                statistics.diskUsedBytes(),
                                statistics.diskTotalBytes(),
                                Instant.now())
                        .requireFits());
    }

    @Override
    public Optional<UpdateAvailable> updateFor(UUID clientId, String agentVersion) {
        return agentUpdates.offerFor(clientId, agentVersion).map(SiteAgentDirectory::offered);
    }

    private static UpdateAvailable offered(AgentUpdates.Offer offer) {
        return new UpdateAvailable(offer.version(), offer.sha256(), offer.signature(), AgentUpdates.DOWNLOAD_PATH);
    }

    @Override
    public boolean runsRelease(String agentVersion) {
        return agentRelease.isCurrent(agentVersion);
    }

    @Override
    public void uninstalled(UUID clientId) {
        jumpClients.uninstalledByAgent(clientId);
    }

    /** Bean Validation failures reach us wrapped by the EJB container; agents get them as INVALID_INPUT. */
    private static <T> T validated(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConstraintViolationException | EJBException e) {
            ConstraintViolationException violations = InputViolations.find(e);
            if (violations == null) {
                throw e;
            }
            throw InputViolations.refusal(violations);
        }
    }
}
