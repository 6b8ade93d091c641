package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.jumpdesk.pinning.boundary.PinPolicies;
import org.jumpdesk.pinning.boundary.PinPrompt;

/**
 * The session policy for pinning on the settings page (the site's) and the groups page (a group's, or
 * "as the site"): whether the customer is asked before a pin installs.
 */
@Named
@RequestScoped
public class PinPolicyAdministration {

    /** The groups page's choice for a group that follows the site's policy. */
    public static final String AS_SITE = "SITE";

    @EJB
    private PinPolicies policies;

    @Inject
    private AdminActions actions;

    private String sitePrompt;
    private String groupName;
    private String groupPrompt = AS_SITE;

    @PostConstruct
    void load() {
        sitePrompt = policies.site().name();
    }

    public void changeSite() {
        actions.run(
                () -> policies.changeSite(actions.actor(), PinPrompt.valueOf(sitePrompt)), "admin.pinPolicy.changed");
    }

    public void changeGroup() {
        actions.run(
                () -> policies.changeGroup(
                        actions.actor(),
                        groupName,
                        AS_SITE.equals(groupPrompt) ? null : PinPrompt.valueOf(groupPrompt)),
                "admin.pinPolicy.changed");
    }

    /** The groups with a policy of their own. */
    public Map<String, PinPrompt> getGroupPolicies() {
        return policies.groups(actions.actor());
    }

    public String getSitePrompt() {
        return sitePrompt;
    }

    public void setSitePrompt(String sitePrompt) {
        this.sitePrompt = sitePrompt;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupPrompt() {
        return groupPrompt;
    }

    public void setGroupPrompt(String groupPrompt) {
        this.groupPrompt = groupPrompt;
    }
}
