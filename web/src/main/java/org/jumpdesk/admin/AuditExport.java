package org.jumpdesk.admin;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.jumpdesk.audit.boundary.AuditEventView;
import org.jumpdesk.audit.boundary.AuditLog;
import org.jumpdesk.audit.boundary.AuditPage;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;

/**
 * {@code /admin/audit-export?format=csv|json&<filter>}: every event the filter matches, newest first,
 * streamed page by page (one short transaction per 1,000 rows), so an export of millions of rows holds
 * neither a transaction nor the rows in memory.
 */
@WebServlet("/admin/audit-export")
public class AuditExport extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1000;

    @EJB
    private transient AuditLog auditLog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = "json".equals(request.getParameter("format"));
        Actor actor = Actor.user(request.getUserPrincipal().getName());
        AuditFilter filter = AuditFilter.of(request);
        AuditPage first;
        try {
            first = auditLog.search(actor, filter.query(null, BATCH));
        } catch (JumpDeskException refusal) {
            response.sendError(refusal.status().httpStatus(), refusal.status().name());
            return;
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType(json ? "application/json" : "text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=audit." + (json ? "json" : "csv"));
        Writer out = response.getWriter();
        JsonGenerator generator = json ? Json.createGenerator(out).writeStartArray() : null;
        if (!json) {
            out.write("id,occurredAt,actor,action,target,outcome,detail\r\n");
        }
        for (AuditPage page = first; ; page = auditLog.search(actor, filter.query(page.next(), BATCH))) {
            for (AuditEventView event : page.events()) {
                if (json) {
                    write(generator, event);
                } else {
                    out.write(csv(event));
                }
            }
            if (page.next() == null) {
                break;
            }
        }
        if (json) {
            generator.writeEnd().close();
        }
    }

    private static void write(JsonGenerator generator, AuditEventView event) {
        generator
                .writeStartObject()
                .write("id", event.id())
                .write("occurredAt", event.occurredAt().toString())
                .write("actor", event.actor())
                .write("action", event.action());
        if (event.target() != null) {
            generator.write("target", event.target());
        }
        generator.write("outcome", event.outcome());
        if (event.detail() != null) {
            generator.write("detail", event.detail());
        }
        generator.writeEnd();
    }

    private static String csv(AuditEventView event) {
        return String.join(
                        ",",
                        Long.toString(event.id()),
                        event.occurredAt().toString(),
                        quoted(event.actor()),
                        quoted(event.action()),
                        quoted(event.target()),
                        quoted(event.outcome()),
                        quoted(event.detail()))
                + "\r\n";
    }

    /** RFC 4180 quoting; a leading {@code = + - @} is prefixed with {@code '} so spreadsheets do not run it. */
    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
