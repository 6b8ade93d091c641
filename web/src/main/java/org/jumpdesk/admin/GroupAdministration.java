package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.boundary.SharedGroupView;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.users.boundary.ConsoleUserView;
import org.jumpdesk.users.boundary.ConsoleUsers;

/** {@code admin/groups.xhtml}: shared Jump Groups, their members and roles. */
@Named
@RequestScoped
public class GroupAdministration {

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private ConsoleUsers consoleUsers;

    @Inject
    private AdminActions actions;

    private List<SharedGroupView> groups;
    private List<String> usernames;

    private String groupName;
    private String memberGroup;
    private String memberUsername;
    private JumpGroupRole role = JumpGroupRole.VIEW;
    private boolean pin;
    private boolean deploy;

    @PostConstruct
    void load() {
        groups = jumpGroups.sharedGroups(actions.actor());
        usernames = consoleUsers.list(actions.actor()).stream()
                .map(ConsoleUserView::username)
                .toList();
    }

    public void create() {
        actions.run(() -> jumpGroups.createShared(actions.actor(), groupName), "admin.groups.created", groupName);
        load();
    }

    public void setMember() {
        actions.run(
                () -> jumpGroups.setMember(actions.actor(), memberGroup, memberUsername, role),
                "admin.groups.memberSet",
                memberUsername,
                memberGroup,
                role);
        load();
    }

    public void setPermissions() {
        actions.run(
                () -> jumpGroups.setPermissions(actions.actor(), memberGroup, memberUsername, pin, deploy),
                "admin.groups.permissionsSet",
                memberUsername,
                memberGroup);
        load();
    }

    public void removeMember(String group, String username) {
        actions.run(
                () -> jumpGroups.removeMember(actions.actor(), group, username),
                "admin.groups.memberRemoved",
                username,
                group);
        load();
    }

    public List<SharedGroupView> getGroups() {
        return groups;
    }

    public List<String> getUsernames() {
        return usernames;
    }

    public JumpGroupRole[] getRoles() {
        return JumpGroupRole.values();
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getMemberGroup() {
        return memberGroup;
    }

    public void setMemberGroup(String memberGroup) {
        this.memberGroup = memberGroup;
    }

    public String getMemberUsername() {
        return memberUsername;
    }

    public void setMemberUsername(String memberUsername) {
        this.memberUsername = memberUsername;
    }

    public JumpGroupRole getRole() {
        return role;
    }

    public void setRole(JumpGroupRole role) {
        this.role = role;
    }

    public boolean isPin() {
        return pin;
    }

    public void setPin(boolean pin) {
        this.pin = pin;
    }

    public boolean isDeploy() {
        return deploy;
    }

    public void setDeploy(boolean deploy) {
        this.deploy = deploy;
    }
}
