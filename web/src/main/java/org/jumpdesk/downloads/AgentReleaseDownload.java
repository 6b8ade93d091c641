package org.jumpdesk.downloads;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.agentsoftware.boundary.AgentRelease.Release;
import org.jumpdesk.agentsoftware.boundary.AgentUpdates;

/**
 * Serves the agent release to updating agents. Public like any installer download: what protects the
 * agent is the SHA-256 and the site's signature it checks, not who may fetch the file.
 */
@WebServlet(AgentUpdates.DOWNLOAD_PATH)
public class AgentReleaseDownload extends HttpServlet {

    @EJB
    private AgentRelease agentRelease;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Release release = agentRelease.current().orElse(null);
        if (release == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/java-archive");
        response.setContentLength(release.size());
        response.setHeader("Content-Disposition", "attachment; filename=\"jump-client.jar\"");
        response.setHeader("X-Agent-Version", release.version());
        response.setHeader("X-Content-SHA256", release.sha256());
        try (InputStream jar = agentRelease.open()) {
            jar.transferTo(response.getOutputStream());
        }
    }
}
