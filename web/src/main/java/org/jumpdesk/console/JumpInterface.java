package org.jumpdesk.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpclients.boundary.JumpClientQuery;
import org.jumpdesk.jumpclients.boundary.JumpClientRow;
import org.jumpdesk.jumpclients.boundary.JumpClientRows;
import org.jumpdesk.jumpclients.boundary.JumpClientSearch;
import org.jumpdesk.jumpclients.boundary.JumpClientSort;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.boundary.JumpGroupTree;
import org.jumpdesk.jumpclients.boundary.SearchField;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.TreeNode;

/**
 * The Jump interface (SPEC §4): the groups and tags the user may see, the search, the lazy table of Jump
 * Clients, the statistics of the one in focus, and Jump, Delete and Properties on the selected ones. Every
 * read and every action goes through the boundaries with the logged-in user as actor, so the server
 * refuses whatever the user may not see, however the request was made.
 */
@Named
@ViewScoped
public class JumpInterface implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = ":console:clients";

    @EJB
    private AuditTrail auditTrail;

    @EJB
    private JumpClientSearch search;

    @EJB
    private JumpClients jumpClients;

    @Inject
    private CurrentUser currentUser;

    private String text;
    private List<SearchField> fields = new ArrayList<>(EnumSet.allOf(SearchField.class));
    private GroupNode scope = new GroupNode(null, null, null);
    private TreeNode<GroupNode> groupTree;
    private TreeNode<GroupNode> selectedNode;
    private List<GroupNode> teamMembers = List.of();
    private List<String> manageableGroups = List.of();
    private final Clients clients = new Clients();
    private List<JumpClientRow> selected = new ArrayList<>();
    private JumpClientSummary focused;
    private PropertiesForm properties;
    private String requestedClient;

    @PostConstruct
    void loadGroups() {
        Actor actor = currentUser.actor();
        TreeNode<GroupNode> root = new DefaultTreeNode<>(new GroupNode("", null, null), null);
        TreeNode<GroupNode> all = new DefaultTreeNode<>(new GroupNode(null, null, null), root);
        List<GroupNode> members = new ArrayList<>();
        for (JumpGroupTree tree : search.groups(actor)) {
            GroupNode group = new GroupNode(tree.group().name(), tree.group().id(), null);
            if (tree.owner() != null) {
                members.add(new GroupNode(tree.owner(), tree.group().id(), null));
                continue;
            }
            TreeNode<GroupNode> node = new DefaultTreeNode<>(group, root);
            tree.tags().forEach(tag -> new DefaultTreeNode<>("tag", new GroupNode(tag, group.groupId(), tag), node));
        }
        all.setSelected(scope.groupId() == null);
        groupTree = root;
        teamMembers = List.copyOf(members);
        manageableGroups = search.manageableGroups(actor);
    }

    /** Opens the client named in the address ({@code ?client=<id>}), as a link to it would. */
    public void openRequested() {
        if (requestedClient == null || requestedClient.isBlank()) {
            return;
        }
        try {
            focus(UUID.fromString(requestedClient.trim()), null);
        } catch (IllegalArgumentException notAnId) {
            ConsoleMessages.refused(requestedClient, JumpDeskStatus.JC_NOT_FOUND.exception("not a client id"));
        }
    }

    /** Reads the groups and tags again and shows the table from its first page. */
    public void refresh() {
        loadGroups();
        toFirstPage();
        if (focused != null) {
            focus(focused.id(), focused.name());
        }
    }

    public void search() {
        toFirstPage();
    }

    /** The user picked a group, a tag or "all groups" in the left pane. */
    public void selectNode(NodeSelectEvent event) {
        scope = (GroupNode) event.getTreeNode().getData();
        toFirstPage();
    }

    /** The user picked a team member: their personal group. */
    public void selectMember(GroupNode member) {
        scope = member;
        if (selectedNode != null) {
            selectedNode.setSelected(false);
            selectedNode = null;
        }
        toFirstPage();
    }

    /** A row was selected: its statistics fill the pane. */
    public void rowSelected(SelectEvent<JumpClientRow> event) {
        focus(event.getObject().id(), event.getObject().name());
    }

    /** Double-click on a row. */
    public void rowDoubleClicked(SelectEvent<JumpClientRow> event) {
        jump(event.getObject().id(), event.getObject().name());
    }

    /** The toolbar's and context menu's Jump: to the client in focus, or the first selected. */
    public void jumpToSelected() {
        if (focused != null) {
            jump(focused.id(), focused.name());
        } else if (!selected.isEmpty()) {
            jump(selected.get(0).id(), selected.get(0).name());
        }
    }

    /**
     * Asks the site for a jump. An active client whose agent is connected to no node is {@code JC_OFFLINE},
     * one whose user disabled sessions is {@code DISABLED_BY_USER} (both from the cluster's presence);
     * everything else is the boundary's to decide.
     */
    void jump(UUID clientId, String name) {
        try {
            JumpClientSummary client = jumpClients.details(currentUser.actor(), clientId);
            if (client.state() == JumpClientState.ACTIVE && !client.online()) {
                throw refusedHere(clientId, JumpDeskStatus.JC_OFFLINE, "not connected");
            }
            if (client.disabledByUser()) {
                throw refusedHere(clientId, JumpDeskStatus.DISABLED_BY_USER, "disabled on the remote machine");
            }
            if (client.state() == JumpClientState.UNINSTALLED) {
                throw refusedHere(clientId, JumpDeskStatus.JC_UNINSTALLED, "uninstalled");
            }
            // The session page makes the jump (SupportSessions.request) and relays the session from there.
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/console/session.xhtml?client=" + clientId);
        } catch (JumpDeskException refusal) {
            ConsoleMessages.refused(name, refusal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jump refused here, audited as the boundaries audit their refusals. */
    private JumpDeskException refusedHere(UUID clientId, JumpDeskStatus status, String detail) {
        JumpDeskException refusal = status.exception(detail);
        auditTrail.recordRefusal(
                Instant.now(),
                currentUser.actor().name(),
                "jump-client.jump",
                clientId.toString(),
                status.name(),
                refusal.getMessage());
        return refusal;
    }

    /** Deletes every selected client; a client another console already removed is reported by name. */
    public void deleteSelected() {
        int deleted = 0;
        for (JumpClientRow row : selected) {
            try {
                jumpClients.delete(currentUser.actor(), row.id());
                deleted++;
            } catch (JumpDeskException refusal) {
                ConsoleMessages.refused(row.name(), refusal);
            }
        }
        if (deleted > 0) {
            ConsoleMessages.info("delete.done", deleted);
        }
        if (focused != null && selected.stream().anyMatch(row -> row.id().equals(focused.id()))) {
            focused = null;
        }
        selected = new ArrayList<>();
    }

    /** Opens the Properties dialog for the selected clients as they are now. */
    public void openProperties() {
        List<JumpClientSummary> current = current();
        if (current.isEmpty()) {
            properties = null;
            return;
        }
        properties = new PropertiesForm(current);
        PrimeFaces.current().executeScript("PF('propertiesDialog').show()");
    }

    public void resetProperties() {
        if (properties != null) {
            properties.reset();
        }
    }

    /** Saves the dialog to every selected client, each in its own transaction; refusals name the client. */
    public void saveProperties() {
        int saved = 0;
        for (JumpClientRow row : selected) {
            try {
                JumpClientSummary client = jumpClients.details(currentUser.actor(), row.id());
                jumpClients.applyProperties(currentUser.actor(), row.id(), properties.applyTo(client));
                saved++;
            } catch (JumpDeskException refusal) {
                ConsoleMessages.refused(row.name(), refusal);
            }
        }
        if (saved > 0) {
            ConsoleMessages.info("properties.saved", saved);
        }
        if (focused != null) {
            focus(focused.id(), focused.name());
        }
        PrimeFaces.current().executeScript("PF('propertiesDialog').hide()");
    }

    /** A live update arrived: the table is re-read by the update itself; the statistics are read again. */
    public void liveUpdate() {
        if (focused != null) {
            try {
                focused = jumpClients.details(currentUser.actor(), focused.id());
            } catch (JumpDeskException gone) {
                focused = null;
            }
        }
    }

    private List<JumpClientSummary> current() {
        List<JumpClientSummary> current = new ArrayList<>();
        for (JumpClientRow row : selected) {
            try {
                current.add(jumpClients.details(currentUser.actor(), row.id()));
            } catch (JumpDeskException refusal) {
                ConsoleMessages.refused(row.name(), refusal);
            }
        }
        return current;
    }

    private void focus(UUID clientId, String name) {
        try {
            focused = jumpClients.details(currentUser.actor(), clientId);
        } catch (JumpDeskException refusal) {
            focused = null;
            ConsoleMessages.refused(name == null ? clientId.toString() : name, refusal);
        }
    }

    private void toFirstPage() {
        DataTable table =
                (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    private JumpClientQuery query() {
        return new JumpClientQuery(text, Set.copyOf(fields), scope.groupId(), scope.tag());
    }

    /** The table's rows, read a page at a time from the search boundary, sorted by the database. */
    private final class Clients extends LazyDataModel<JumpClientRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) search.count(currentUser.actor(), query());
        }

        @Override
        public List<JumpClientRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Optional<SortMeta> sort = sortBy.values().stream()
                    .filter(meta -> meta.getOrder() != SortOrder.UNSORTED)
                    .findFirst();
            JumpClientRows page = search.pageAndCount(
                    currentUser.actor(),
                    query(),
                    sort.map(meta -> JumpClientSort.valueOf(meta.getField())).orElse(JumpClientSort.NAME),
                    sort.map(meta -> meta.getOrder() != SortOrder.DESCENDING).orElse(true),
                    first,
                    pageSize);
            // Counted with every page (the table's scope or search may have changed since the last one), by
            // the page itself when it is the last.
            setRowCount((int) page.matches());
            return page.rows();
        }

        @Override
        public String getRowKey(JumpClientRow row) {
            return row.id().toString();
        }

        /**
         * A row key sent back by the browser: a row of the page the user was shown (even if another console
         * removed it since, so that the action on it reports why), or else a client the user can see now;
         * any other key is no row at all.
         */
        @Override
        public JumpClientRow getRowData(String rowKey) {
            List<JumpClientRow> shown = getWrappedData();
            if (shown != null) {
                for (JumpClientRow row : shown) {
                    if (row.id().toString().equals(rowKey)) {
                        return row;
                    }
                }
            }
            try {
                return search.row(currentUser.actor(), UUID.fromString(rowKey)).orElse(null);
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }
    }

    public boolean isMoreThanCounted() {
        return clients.getRowCount() > JumpClientSearch.COUNT_LIMIT;
    }

    public int getCountLimit() {
        return JumpClientSearch.COUNT_LIMIT;
    }

    public LazyDataModel<JumpClientRow> getClients() {
        return clients;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<SearchField> getFields() {
        return fields;
    }

    public void setFields(List<SearchField> fields) {
        this.fields = fields;
    }

    public SearchField[] getAllFields() {
        return SearchField.values();
    }

    public JumpClientMode[] getModes() {
        return JumpClientMode.values();
    }

    public TreeNode<GroupNode> getGroupTree() {
        return groupTree;
    }

    public TreeNode<GroupNode> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<GroupNode> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public List<GroupNode> getTeamMembers() {
        return teamMembers;
    }

    public List<String> getManageableGroups() {
        return manageableGroups;
    }

    public GroupNode getScope() {
        return scope;
    }

    public List<JumpClientRow> getSelected() {
        return selected;
    }

    public void setSelected(List<JumpClientRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public JumpClientSummary getFocused() {
        return focused;
    }

    public PropertiesForm getProperties() {
        return properties;
    }

    public String getRequestedClient() {
        return requestedClient;
    }

    public void setRequestedClient(String requestedClient) {
        this.requestedClient = requestedClient;
    }
}
