package org.jumpdesk.sessions;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.ResourceBundle;
import org.jumpdesk.settings.boundary.Settings;

/** What the session page's file and system information panes need: the transfer limit and their texts. */
@Named
@RequestScoped
public class SessionPage {

    @EJB
    private Settings settings;

    public int getMaxFileTransferMegabytes() {
        return settings.current().maxFileTransferMegabytes();
    }

    /** The panes' texts in the page's language, as JSON safe inside a script element. */
    public String getPaneTextsJson() {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        JsonObjectBuilder texts = Json.createObjectBuilder();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith("files.") || key.startsWith("system.")) {
                texts.add(key, bundle.getString(key));
            }
        }
        return texts.build().toString().replace("</", "<\\/");
    }
}
