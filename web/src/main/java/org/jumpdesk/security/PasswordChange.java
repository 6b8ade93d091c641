package org.jumpdesk.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jumpdesk.admin.AdminActions;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.boundary.NewPassword;

/**
 * {@code password.xhtml}: a user replaces their password. After the change the session ends and they sign
 * in again with the new one (which also drops the must-change role their session carried).
 */
@Named
@RequestScoped
public class PasswordChange {

    @EJB
    private ConsoleUsers consoleUsers;

    @Inject
    private AdminActions actions;

    private String currentPassword;
    private String newPassword;

    public String change() throws ServletException {
        if (!actions.run(
                () -> consoleUsers.changeOwnPassword(actions.actor(), currentPassword, new NewPassword(newPassword)),
                "password.changed")) {
            return null;
        }
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        return "/login.xhtml?changed=true&faces-redirect=true";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
