package org.jumpdesk.installers.download;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.jumpdesk.installers.boundary.DownloadableInstaller;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.protocol.InstallerPackageFile;
import org.jumpdesk.shared.JumpDeskException;

/**
 * {@code GET /download/installer/<installer key>[?platform=linux-headless|linux|macos|windows-msi|windows-exe]}:
 * the installer package, built now, for the platform asked for or the browser's own. The link is what the
 * wizard shows and e-mails; anyone holding it may download while the installer is valid, as the key it
 * carries is what the package holds anyway. No login: the recipients have none.
 */
@WebServlet(urlPatterns = InstallerDownload.PATH + "*")
public class InstallerDownload extends HttpServlet {

    /** Where the links point, below the context root. */
    public static final String PATH = "/download/installer/";

    private static final Logger LOG = Logger.getLogger(InstallerDownload.class.getName());

    @EJB
    private Installers installers;

    @Inject
    private SiteIdentity site;

    @Inject
    private InstallerPackages packages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String asked = request.getParameter("platform");
        Platform platform = asked == null
                ? Platform.ofUserAgent(request.getHeader("User-Agent"))
                : Platform.byParameter(asked).orElse(null);
        if (platform == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "unknown platform " + asked);
            return;
        }
        DownloadableInstaller installer;
        try {
            installer = installers.forDownload(key);
        } catch (JumpDeskException refusal) {
            response.setStatus(refusal.status().httpStatus());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .println(ResourceBundle.getBundle("org.jumpdesk.web.messages", request.getLocale())
                            .getString(refusal.status().bundleKey()));
            return;
        }
        InstallerPackageFile file = new InstallerPackageFile(
                site.agentAddresses(request.getServerName()),
                site.certificateFingerprint(),
                installer.id().toString(),
                key,
                installer.validUntil(),
                installer.installMode() == InstallMode.SERVICE,
                installer.jumpGroup(),
                installer.tag(),
                installer.comments(),
                installer.jumpGroupOverride(),
                installer.tagOverride(),
                installer.commentsOverride());
        String fileName = platform.fileName(installer.id());
        response.setContentType(platform == Platform.LINUX_HEADLESS ? "application/x-sh" : "application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        LOG.fine(() -> "building " + fileName);
        packages.write(platform, file, this::installerFile, response.getOutputStream());
    }

    private InputStream installerFile(String name) {
        InputStream in = getServletContext().getResourceAsStream("/WEB-INF/installer/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("WEB-INF/installer/" + name + " is missing from the WAR"));
        }
        return in;
    }
}
