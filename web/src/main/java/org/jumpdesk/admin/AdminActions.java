package org.jumpdesk.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.ResourceBundle;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.InputViolations;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * Runs an administrator's action and reports the outcome as a page message: the success text, or the
 * refusal's catalogue text in the user's language with, for invalid input, which field and what it expects.
 */
@RequestScoped
public class AdminActions {

    @Inject
    private CurrentUser currentUser;

    /** The logged-in administrator. */
    public Actor actor() {
        return currentUser.actor();
    }

    /**
     * @param successKey the text to show when it succeeds, or null to show nothing
     * @return whether the action succeeded
     */
    public boolean run(Runnable action, String successKey, Object... arguments) {
        try {
            action.run();
            if (successKey != null) {
                message(FacesMessage.SEVERITY_INFO, text(successKey, arguments), null);
            }
            return true;
        } catch (JumpDeskException refusal) {
            refused(refusal);
        } catch (RuntimeException failure) {
            ConstraintViolationException violations = InputViolations.find(failure);
            if (violations == null) {
                throw failure;
            }
            refused(InputViolations.refusal(violations));
        }
        return false;
    }

    /** A text of the pages' bundle in the view's language. */
    public String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : java.text.MessageFormat.format(text, arguments);
    }

    private void refused(JumpDeskException refusal) {
        JumpDeskStatus status = refusal.status();
        String prefix = status.name() + ": ";
        String detail =
                status == JumpDeskStatus.INVALID_INPUT && refusal.getMessage().startsWith(prefix)
                        ? refusal.getMessage().substring(prefix.length())
                        : null;
        message(FacesMessage.SEVERITY_ERROR, text(status.bundleKey()), detail);
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(severity, summary, detail == null ? "" : detail));
    }
}
