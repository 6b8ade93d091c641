package org.jumpdesk.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language of the pages: the browser's preferred one among those the product speaks, until the user
 * picks another with the switch in the header; the choice is kept in the session.
 */
@Named("language")
@SessionScoped
public class LanguageSwitch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The languages the product speaks, English first (the default). */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        Locale requested =
                FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }

    /** Switches the session to a supported language and shows the same page again in it. */
    public String switchTo(String language) {
        SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst()
                .ifPresent(locale -> chosen = locale);
        FacesContext context = FacesContext.getCurrentInstance();
        context.getViewRoot().setLocale(getLocale());
        return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }
}
