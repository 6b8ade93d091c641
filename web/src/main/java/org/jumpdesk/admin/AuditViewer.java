package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jumpdesk.audit.boundary.AuditEventView;
import org.jumpdesk.audit.boundary.AuditLog;
import org.jumpdesk.audit.boundary.AuditPage;
import org.jumpdesk.audit.boundary.ChainVerification;

/**
 * {@code admin/audit.xhtml}: the audit trail filtered, newest first, 50 rows a page found by key (the
 * {@code before} parameter), with export links for the same filter and the hash-chain check.
 */
@Named
@RequestScoped
public class AuditViewer {

    static final int PAGE_SIZE = 50;

    @EJB
    private AuditLog auditLog;

    @Inject
    private AdminActions actions;

    private AuditFilter filter;
    private AuditPage page = new AuditPage(List.of(), null);
    private ChainVerification verification;

    @PostConstruct
    void load() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        filter = AuditFilter.of(request);
        String before = request.getParameter("before");
        actions.run(
                () -> page = auditLog.search(
                        actions.actor(),
                        filter.query(before == null || before.isBlank() ? null : Long.valueOf(before), PAGE_SIZE)),
                null);
    }

    public void verify() {
        actions.run(() -> verification = auditLog.verifyChain(actions.actor()), null);
    }

    public List<AuditEventView> getEvents() {
        return page.events();
    }

    /** The link to the next (older) page, or null on the last. */
    public String getOlderLink() {
        return page.next() == null ? null : "audit.xhtml?" + join(filter.queryString(), "before=" + page.next());
    }

    /** The link to the first (newest) page with this filter. */
    public String getNewestLink() {
        return "audit.xhtml?" + filter.queryString();
    }

    /** The export link for a format ({@code csv} or {@code json}) with this filter. */
    public String exportLink(String format) {
        return "audit-export?" + join("format=" + format, filter.queryString());
    }

    public List<String> getFilterNames() {
        return List.of(AuditFilter.NAMES);
    }

    public String parameter(String name) {
        return filter.parameters().getOrDefault(name, "");
    }

    public ChainVerification getVerification() {
        return verification;
    }

    private static String join(String a, String b) {
        return FilterParameters.join(a, b);
    }
}
