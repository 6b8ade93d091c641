package org.jumpdesk.admin.installers;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.installers.boundary.InstallerRequest;
import org.jumpdesk.installers.boundary.InstallerView;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.installers.download.InstallerDownload;
import org.jumpdesk.installers.download.Platform;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.shared.JumpDeskException;

/**
 * The installer wizard (SPEC §3.1): the administrator's choices, checked with messages that name the
 * field, then the installer made by {@link Installers#create} and shown once with its key, its link, its
 * command lines, and e-mailed to the recipients. The key lives only in this view's state, never in the
 * database.
 */
@Named
@ViewScoped
public class InstallerWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(InstallerWizard.class.getName());
    static final int MAX_MINUTES = 365 * 24 * 60;

    /** The units "valid for" is given in. */
    public enum ValidityUnit {
        MINUTES(1),
        HOURS(60),
        DAYS(24 * 60);

        private final int minutes;

        ValidityUnit(int minutes) {
            this.minutes = minutes;
        }
    }

    /** The installer just made, as the result page shows it. */
    public record Created(
            UUID id,
            String key,
            String link,
            String fileName,
            Instant validUntil,
            List<CommandLine> commandLines,
            String mailedTo) {}

    @EJB
    private Installers installers;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private InstallerMail mail;

    private List<String> jumpGroups = List.of();
    private String jumpGroup = "Default";
    private String tag;
    private String comments;
    private JumpClientMode mode = JumpClientMode.ACTIVE;
    private InstallMode installMode = InstallMode.SERVICE;
    private Integer validFor = 1;
    private ValidityUnit validityUnit = ValidityUnit.DAYS;
    private boolean allowJumpGroupOverride;
    private boolean allowTagOverride;
    private boolean allowCommentsOverride;
    private Platform platform;
    private String recipients;
    private Created created;

    @PostConstruct
    void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        jumpGroups = installers.jumpGroupNames(currentUser.actor());
        platform = Platform.ofUserAgent(context.getRequestHeaderMap().get("User-Agent"));
    }

    /** Checks the choices, makes the installer and mails its link; stays on the page to show the result. */
    public void create() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "msg");
        List<InternetAddress> addresses = new ArrayList<>();
        boolean valid = check(faces, texts, addresses);
        if (!valid) {
            return;
        }
        InstallerView installer;
        try {
            installer = installers.create(
                    currentUser.actor(),
                    new InstallerRequest(
                            jumpGroup,
                            tag,
                            comments,
                            mode,
                            installMode,
                            validFor * validityUnit.minutes,
                            allowJumpGroupOverride,
                            allowTagOverride,
                            allowCommentsOverride));
        } catch (JumpDeskException refusal) {
            faces.addMessage(null, error(texts.getString(refusal.status().bundleKey())));
            return;
        }
        String link = siteUrl(faces) + InstallerDownload.PATH + installer.key() + "?platform=" + platform.parameter();
        String fileName = platform.fileName(installer.id());
        String mailedTo = null;
        if (!addresses.isEmpty()) {
            try {
                mail.send(
                        addresses,
                        link,
                        fileName,
                        installer.validUntil(),
                        faces.getViewRoot().getLocale());
                mailedTo = String.join(
                        ", ",
                        addresses.stream().map(InternetAddress::getAddress).toList());
            } catch (MessagingException e) {
                LOG.log(Level.WARNING, "the installer link could not be e-mailed", e);
                faces.addMessage(null, error(texts.getString("installers.mail.failed")));
            }
        }
        created = new Created(
                installer.id(),
                installer.key(),
                link,
                fileName,
                installer.validUntil(),
                CommandLine.all(installer.id(), installer.key(), jumpGroup, tag, comments),
                mailedTo);
    }

    private boolean check(FacesContext faces, ResourceBundle texts, List<InternetAddress> addresses) {
        boolean valid = true;
        if (jumpGroup == null || !jumpGroups.contains(jumpGroup)) {
            valid = invalid(faces, "wizard:jump-group", texts.getString("installers.jumpGroup.unknown"));
        }
        if (tag != null && tag.length() > 64) {
            valid = invalid(faces, "wizard:tag", texts.getString("installers.tag.tooLong"));
        }
        if (comments != null && comments.length() > 1024) {
            valid = invalid(faces, "wizard:comments", texts.getString("installers.comments.tooLong"));
        }
        long minutes = validFor == null ? 0 : (long) validFor * validityUnit.minutes;
        if (minutes < 10 || minutes > MAX_MINUTES) {
            valid = invalid(faces, "wizard:valid-for", texts.getString("installers.validity.range"));
        }
        for (String recipient : recipients == null ? new String[0] : recipients.split("[,;\\s]+")) {
            if (recipient.isBlank()) {
                continue;
            }
            try {
                InternetAddress address = new InternetAddress(recipient, true);
                if (!address.getAddress().contains("@")) {
                    throw new AddressException("no domain", recipient);
                }
                addresses.add(address);
            } catch (AddressException e) {
                valid = invalid(
                        faces,
                        "wizard:recipients",
                        MessageFormat.format(texts.getString("installers.recipients.invalid"), recipient));
            }
        }
        return valid;
    }

    private static boolean invalid(FacesContext faces, String clientId, String text) {
        faces.addMessage(clientId, error(text));
        faces.validationFailed();
        return false;
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }

    private static String siteUrl(FacesContext faces) {
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }

    /** Starts again for another installer. */
    public void another() {
        created = null;
    }

    public List<String> getJumpGroups() {
        return jumpGroups;
    }

    public List<JumpClientMode> getModes() {
        return Arrays.asList(JumpClientMode.values());
    }

    public List<InstallMode> getInstallModes() {
        return Arrays.asList(InstallMode.values());
    }

    public List<ValidityUnit> getValidityUnits() {
        return Arrays.asList(ValidityUnit.values());
    }

    public List<Platform> getPlatforms() {
        return Arrays.asList(Platform.values());
    }

    public String getJumpGroup() {
        return jumpGroup;
    }

    public void setJumpGroup(String jumpGroup) {
        this.jumpGroup = jumpGroup;
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

    public JumpClientMode getMode() {
        return mode;
    }

    public void setMode(JumpClientMode mode) {
        this.mode = mode;
    }

    public InstallMode getInstallMode() {
        return installMode;
    }

    public void setInstallMode(InstallMode installMode) {
        this.installMode = installMode;
    }

    public Integer getValidFor() {
        return validFor;
    }

    public void setValidFor(Integer validFor) {
        this.validFor = validFor;
    }

    public ValidityUnit getValidityUnit() {
        return validityUnit;
    }

    public void setValidityUnit(ValidityUnit validityUnit) {
        this.validityUnit = validityUnit;
    }

    public boolean isAllowJumpGroupOverride() {
        return allowJumpGroupOverride;
    }

    public void setAllowJumpGroupOverride(boolean allowJumpGroupOverride) {
        this.allowJumpGroupOverride = allowJumpGroupOverride;
    }

    public boolean isAllowTagOverride() {
        return allowTagOverride;
    }

    public void setAllowTagOverride(boolean allowTagOverride) {
        this.allowTagOverride = allowTagOverride;
    }

    public boolean isAllowCommentsOverride() {
        return allowCommentsOverride;
    }

    public void setAllowCommentsOverride(boolean allowCommentsOverride) {
        this.allowCommentsOverride = allowCommentsOverride;
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public Created getCreated() {
        return created;
    }
}
