package org.jumpdesk.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Logger;
import org.jumpdesk.customers.CustomerConnections;
import org.jumpdesk.installers.download.SiteIdentity;
import org.jumpdesk.pinning.boundary.PinChoice;
import org.jumpdesk.pinning.boundary.PinGroup;
import org.jumpdesk.pinning.boundary.PinTicket;
import org.jumpdesk.pinning.boundary.PinView;
import org.jumpdesk.pinning.boundary.SessionPins;
import org.jumpdesk.protocol.InstallerPackageFile;
import org.jumpdesk.protocol.PinRequest;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.shared.InputViolations;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The "Pin as Jump Client" dropdown on {@code console/session.xhtml?customer=<id>}: Jump Group (those the
 * representative may pin into), tag (completed from the group's tags), comments, Reset and Pin; and the
 * pin's progress, re-read from the database every two seconds. Offered only in an attended session, and
 * only to a representative who may pin into some group.
 */
@Named
@ViewScoped
public class PinDropdown implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PinDropdown.class.getName());

    @EJB
    private transient SessionPins sessionPins;

    @Inject
    private transient CurrentUser currentUser;

    @Inject
    private transient SiteIdentity site;

    @Inject
    private transient CustomerConnections customers;

    private UUID customerId;
    private List<PinGroup> groups = List.of();
    private Long groupId;
    private String tag;
    private String comments;
    private PinView pin;

    @PostConstruct
    void load() {
        String customer = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("customer");
        try {
            customerId = customer == null ? null : UUID.fromString(customer);
        } catch (IllegalArgumentException e) {
            customerId = null;
        }
        if (customerId != null) {
            groups = sessionPins.groupsForPinning(currentUser.actor());
            reset();
            refresh();
        }
    }

    /** Whether the page offers pinning: an attended session, and a representative who may pin somewhere. */
    public boolean isAvailable() {
        return customerId != null && !groups.isEmpty();
    }

    /** Clears the entries: the first group, no tag, no comments. */
    public void reset() {
        groupId = groups.isEmpty() ? null : groups.get(0).id();
        tag = null;
        comments = null;
    }

    /** Re-reads the newest pin's progress (the page polls it). */
    public void refresh() {
        pin = sessionPins.latest(currentUser.actor(), customerId).orElse(null);
    }

    /** Sends the pin request to the customer's client, or says why it is refused. */
    public void pin() {
        PinTicket ticket;
        try {
            ticket = sessionPins.request(
                    currentUser.actor(), customerId, new PinChoice(groupId == null ? 0 : groupId, tag, comments));
        } catch (JumpDeskException refusal) {
            error(text(refusal.status().bundleKey()));
            return;
        } catch (RuntimeException e) {
            var violations = InputViolations.find(e);
            if (violations == null) {
                throw e;
            }
            error(InputViolations.refusal(violations).getMessage());
            return;
        }
        boolean sent = customers.send(
                customerId,
                new PinRequest(
                        ticket.pinId(),
                        ticket.representative(),
                        ticket.ask(),
                        packageFile(ticket).text()));
        if (!sent) {
            // The customer's connection is on no node this one can reach (or just closed).
            LOG.fine(() -> "pin " + ticket.pinId() + ": the customer's connection is not on this node");
            sessionPins.failed(customerId, ticket.pinId(), JumpDeskStatus.PIN_CLIENT_OFFLINE.name());
        }
        refresh();
    }

    /** The one-time installer as a package file: what an installer package of this site would carry. */
    private InstallerPackageFile packageFile(PinTicket ticket) {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return new InstallerPackageFile(
                site.agentAddresses(request.getServerName()),
                site.certificateFingerprint(),
                ticket.installerId().toString(),
                ticket.installerKey(),
                ticket.validUntil(),
                ticket.serviceMode(),
                ticket.jumpGroup(),
                ticket.tag(),
                ticket.comments(),
                false,
                false,
                false);
    }

    /** Tags of the chosen group that start with what was typed. */
    public List<String> completeTag(String typed) {
        return groupId == null ? List.of() : sessionPins.tags(currentUser.actor(), groupId, typed);
    }

    /** The pin's state for the page ({@code data-state}), or empty before any. */
    public String getState() {
        return pin == null ? "" : pin.state();
    }

    /** Whether the page should keep polling. */
    public boolean isPending() {
        return pin != null && (pin.state().equals("REQUESTED") || pin.state().equals("INSTALLING"));
    }

    /** The pin's progress in the page's language. */
    public String getStatusText() {
        if (pin == null) {
            return "";
        }
        return switch (pin.state()) {
            case "REQUESTED" -> text(pin.asked() ? "pin.state.askingCustomer" : "pin.state.REQUESTED");
            case "PINNED" -> text("pin.state.PINNED", pin.clientName(), pin.jumpGroup());
            case "FAILED" -> text("pin.state.FAILED", failureText(pin.failure()));
            default -> text("pin.state." + pin.state());
        };
    }

    /** The catalogue text when the failure is a catalogue code, else the installer's own words. */
    private String failureText(String failure) {
        return Optional.ofNullable(failure)
                .filter(code -> code.matches("[A-Z_]+"))
                .flatMap(code -> {
                    try {
                        return Optional.of(text(JumpDeskStatus.valueOf(code).bundleKey()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                })
                .orElse(failure);
    }

    private static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0
                ? pattern
                : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<PinGroup> getGroups() {
        return groups;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }
}
