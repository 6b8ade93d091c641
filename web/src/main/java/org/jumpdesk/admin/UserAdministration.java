package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jumpdesk.users.boundary.ConsoleUserView;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.boundary.NewConsoleUser;
import org.jumpdesk.users.boundary.NewPassword;
import org.jumpdesk.users.boundary.TeamView;
import org.jumpdesk.users.entity.PersonalGroupVisibility;

/** {@code admin/users.xhtml}: accounts, passwords, who sees whose personal groups, and teams. */
@Named
@RequestScoped
public class UserAdministration {

    @EJB
    private ConsoleUsers consoleUsers;

    @Inject
    private AdminActions actions;

    private List<ConsoleUserView> users;
    private List<TeamView> teams;

    private String username;
    private String password;
    private boolean administrator;
    private PersonalGroupVisibility visibility = PersonalGroupVisibility.NONE;
    private String resetUsername;
    private String resetPassword;
    private String teamName;
    private String memberTeam;
    private String memberUsername;

    @PostConstruct
    void load() {
        users = consoleUsers.list(actions.actor());
        teams = consoleUsers.teams(actions.actor());
    }

    public void create() {
        if (actions.run(
                () -> consoleUsers.create(
                        actions.actor(), new NewConsoleUser(username, password, administrator, visibility)),
                "admin.users.created",
                username)) {
            username = null;
            load();
        }
    }

    public void enable(String user, boolean enabled) {
        actions.run(
                () -> consoleUsers.setEnabled(actions.actor(), user, enabled),
                enabled ? "admin.users.enabled" : "admin.users.disabled",
                user);
        load();
    }

    public void requirePasswordChange(String user) {
        actions.run(() -> consoleUsers.requirePasswordChange(actions.actor(), user), "admin.users.mustChange", user);
        load();
    }

    public void changeVisibility(String user, PersonalGroupVisibility newVisibility) {
        actions.run(
                () -> consoleUsers.changeVisibility(actions.actor(), user, newVisibility),
                "admin.users.visibilityChanged",
                user);
        load();
    }

    public void resetPassword() {
        actions.run(
                () -> consoleUsers.resetPassword(actions.actor(), resetUsername, new NewPassword(resetPassword)),
                "admin.users.passwordReset",
                resetUsername);
        load();
    }

    public void createTeam() {
        actions.run(() -> consoleUsers.createTeam(actions.actor(), teamName), "admin.teams.created", teamName);
        load();
    }

    public void addToTeam() {
        actions.run(
                () -> consoleUsers.addToTeam(actions.actor(), memberTeam, memberUsername),
                "admin.teams.memberAdded",
                memberUsername,
                memberTeam);
        load();
    }

    public List<ConsoleUserView> getUsers() {
        return users;
    }

    public List<TeamView> getTeams() {
        return teams;
    }

    public PersonalGroupVisibility[] getVisibilities() {
        return PersonalGroupVisibility.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public PersonalGroupVisibility getVisibility() {
        return visibility;
    }

    public void setVisibility(PersonalGroupVisibility visibility) {
        this.visibility = visibility;
    }

    public String getResetUsername() {
        return resetUsername;
    }

    public void setResetUsername(String resetUsername) {
        this.resetUsername = resetUsername;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public String getTeamName() {
        return teamName;
    }

    public void setTeamName(String teamName) {
        this.teamName = teamName;
    }

    public String getMemberTeam() {
        return memberTeam;
    }

    public void setMemberTeam(String memberTeam) {
        this.memberTeam = memberTeam;
    }

    public String getMemberUsername() {
        return memberUsername;
    }

    public void setMemberUsername(String memberUsername) {
        this.memberUsername = memberUsername;
    }
}
