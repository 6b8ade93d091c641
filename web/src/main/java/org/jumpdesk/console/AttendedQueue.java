package org.jumpdesk.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jumpdesk.attended.boundary.AttendedSessions;
import org.jumpdesk.attended.boundary.SessionKey;
import org.jumpdesk.attended.boundary.WaitingCustomer;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.shared.JumpDeskException;

/**
 * {@code console/attended.xhtml}: the representative makes session keys for customers and accepts the
 * customers waiting in their queue (the queue is re-read every few seconds).
 */
@Named
@ViewScoped
public class AttendedQueue implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AttendedSessions attendedSessions;

    @Inject
    private transient CurrentUser currentUser;

    private List<WaitingCustomer> customers = List.of();
    private String code;
    private Instant expiresAt;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        customers = attendedSessions.queue(currentUser.actor());
    }

    public void generate() {
        try {
            SessionKey key = attendedSessions.generateKey(currentUser.actor());
            code = key.code();
            expiresAt = key.expiresAt();
        } catch (JumpDeskException refusal) {
            ConsoleMessages.refused(currentUser.actor().name(), refusal);
        }
    }

    public List<WaitingCustomer> getCustomers() {
        return customers;
    }

    /** The key made on this page, or null. */
    public String getCode() {
        return code;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** The address the customer gives the temporary client: this site as the representative reached it. */
    public String getSiteAddress() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        boolean defaultPort = request.getScheme().equals("https") && request.getServerPort() == 443
                || request.getScheme().equals("http") && request.getServerPort() == 80;
        return request.getScheme() + "://" + request.getServerName()
                + (defaultPort ? "" : ":" + request.getServerPort());
    }

    /** What the customer runs, with the key in it. */
    public String getCommandLine() {
        return code == null ? null : "java -jar jump-client.jar --session-key " + code + " --site " + getSiteAddress();
    }
}
