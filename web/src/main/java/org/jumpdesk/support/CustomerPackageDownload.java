package org.jumpdesk.support;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jumpdesk.attended.boundary.AttendedSessions;
import org.jumpdesk.installers.download.SiteIdentity;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * {@code /support/download?key=<session key>}, no login: the customer's temporary client as a zip, the
 * agent jar with start scripts that carry the key, this site's address and its certificate's fingerprint.
 * The key is only checked here; the client spends it when it connects.
 */
@WebServlet(urlPatterns = "/support/download")
public class CustomerPackageDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String[] SCRIPTS = {"start-support.sh", "start-support.cmd"};

    @EJB
    private transient AttendedSessions attendedSessions;

    @Inject
    private transient SiteIdentity site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key") == null
                ? ""
                : request.getParameter("key").trim();
        if (!attendedSessions.usable(key)) {
            JumpDeskStatus refusal = JumpDeskStatus.SESSION_KEY_INVALID;
            response.setStatus(refusal.httpStatus());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .println(ResourceBundle.getBundle("org.jumpdesk.web.messages", request.getLocale())
                            .getString(refusal.bundleKey()));
            return;
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"jumpdesk-support.zip\"");
        response.setHeader("Cache-Control", "no-store");
        String siteAddress = site.agentAddresses(request.getServerName()).get(0).toString();
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            zip.putNextEntry(new ZipEntry("jump-client.jar"));
            try (InputStream agent = getServletContext().getResourceAsStream("/WEB-INF/installer/jump-client.jar")) {
                agent.transferTo(zip);
            }
            for (String script : SCRIPTS) {
                zip.putNextEntry(new ZipEntry(script));
                zip.write(template(script)
                        .replace("@KEY@", key.replaceAll("[\\s-]", ""))
                        .replace("@SITE@", siteAddress)
                        .replace("@FINGERPRINT@", site.certificateFingerprint())
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = CustomerPackageDownload.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
