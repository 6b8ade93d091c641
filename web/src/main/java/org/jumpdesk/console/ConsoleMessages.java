package org.jumpdesk.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import org.jumpdesk.shared.JumpDeskException;

/** Messages for the console user, in the view's language, from the resource bundle {@code msg}. */
final class ConsoleMessages {

    private ConsoleMessages() {}

    static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern =
                context.getApplication().getResourceBundle(context, "msg").getString(key);
        return arguments.length == 0
                ? pattern
                : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }

    static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    /** A refusal as the catalogue words it (SPEC §7), naming the client it concerns. */
    static void refused(String clientName, JumpDeskException refusal) {
        add(
                FacesMessage.SEVERITY_ERROR,
                text("console.refusal", clientName, text(refusal.status().bundleKey())));
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
