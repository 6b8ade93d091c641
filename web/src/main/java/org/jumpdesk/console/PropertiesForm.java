package org.jumpdesk.console;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.entity.JumpClientMode;

/**
 * The Properties dialog for one or many clients. Each field starts with the value the selected clients
 * share, or empty where they differ; a field the user leaves as it started keeps each client's own value,
 * a field they change is applied to all. Reset brings every field back to where it started.
 */
public class PropertiesForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String initialGroup;
    private final String initialTag;
    private final String initialComments;
    private final JumpClientMode initialMode;
    private String group;
    private String tag;
    private String comments;
    private JumpClientMode mode;

    PropertiesForm(List<JumpClientSummary> clients) {
        initialGroup = shared(clients, JumpClientSummary::jumpGroup);
        initialTag = shared(clients, JumpClientSummary::tag);
        initialComments = shared(clients, JumpClientSummary::comments);
        initialMode = shared(clients, JumpClientSummary::mode);
        reset();
    }

    /** Back to the values the dialog opened with. */
    public void reset() {
        group = initialGroup;
        tag = initialTag;
        comments = initialComments;
        mode = initialMode;
    }

    /** What to save for one client: the changed fields, and the client's own values for the others. */
    JumpClientProperties applyTo(JumpClientSummary client) {
        return new JumpClientProperties(
                changed(group, initialGroup) ? group : client.jumpGroup(),
                changed(tag, initialTag) ? tag : client.tag(),
                changed(comments, initialComments) ? comments : client.comments(),
                changed(mode, initialMode) ? mode : client.mode());
    }

    private static boolean changed(Object value, Object initial) {
        return !Objects.equals(blankToNull(value), blankToNull(initial));
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static <T> T shared(List<JumpClientSummary> clients, Function<JumpClientSummary, T> field) {
        T first = field.apply(clients.get(0));
        return clients.stream().allMatch(c -> Objects.equals(field.apply(c), first)) ? first : null;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
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
}
