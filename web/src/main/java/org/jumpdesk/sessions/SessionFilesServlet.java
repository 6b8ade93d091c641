package org.jumpdesk.sessions;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.FileStatus;
import org.jumpdesk.relay.ChannelFailure;
import org.jumpdesk.relay.FileRefused;
import org.jumpdesk.relay.SessionChannels;
import org.jumpdesk.relay.SessionChannels.RemoteFile;
import org.jumpdesk.sessions.boundary.SessionFileTransfers;
import org.jumpdesk.sessions.boundary.SessionFileTransfers.Direction;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;

/**
 * The session page's file and system information pane, over HTTP so downloads are real browser downloads:
 * {@code GET list?session=&path=}, {@code GET download?session=&path=}, {@code HEAD download?session=&path=}
 * (the same answer without the file, so the page can show a refusal before it starts the browser's download),
 * {@code POST upload?session=&path=} (the raw file as the body, with its length), {@code GET
 * system-info?session=}. Behind the console login; only the session's representative gets past {@link
 * SessionFileTransfers#requireRepresentative}. Files are streamed through {@link SessionChannels}, a window at a
 * time; each one moved (or refused) is recorded, and so is a refused check (a check that passes is not). Failures answer {@code
 * {"type":"error","status":…,"path":…}} and the status in {@code X-File-Status}, for the page to show in its
 * language.
 */
@WebServlet("/console/session-files/*")
public class SessionFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionFilesServlet.class.getName());

    @Inject
    private transient SessionChannels channels;

    @EJB
    private transient SessionFileTransfers transfers;

    @EJB
    private transient Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    /** Only a download's check: what its GET would answer, without asking for the file's bytes. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String operation = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = request.getParameter("path") == null ? "" : request.getParameter("path");
        String method = request.getMethod();
        UUID session;
        Actor actor = Actor.user(request.getUserPrincipal().getName());
        try {
            session = UUID.fromString(String.valueOf(request.getParameter("session")));
            transfers.requireRepresentative(actor, session);
        } catch (IllegalArgumentException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "INVALID_REQUEST", "session=<uuid> expected");
            return;
        } catch (JumpDeskException refusal) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "NOT_YOUR_SESSION", "");
            return;
        }
        if (method.equals("HEAD") && !operation.equals("/download")) {
            error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "INVALID_REQUEST", "HEAD is for download");
            return;
        }
        try {
            switch (operation) {
                case "/list" -> json(response, channels.list(session, path));
                case "/system-info" -> json(response, channels.systemInformation(session));
                case "/download" -> {
                    if (method.equals("HEAD")) {
                        check(actor, session, path, response);
                    } else {
                        download(actor, session, path, response);
                    }
                }
                case "/upload" -> {
                    if (!method.equals("POST")) {
                        error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "INVALID_REQUEST", "POST expected");
                        return;
                    }
                    upload(actor, session, path, request, response);
                }
                default -> error(response, HttpServletResponse.SC_NOT_FOUND, "INVALID_REQUEST", operation);
            }
        } catch (FileRefused refused) {
            if (refused.status() == FileStatus.TOO_LARGE) {
                // The limit in force now, which the page may not know yet.
                response.setHeader(
                        "X-Limit-Megabytes", Integer.toString(settings.current().maxFileTransferMegabytes()));
            }
            error(response, httpStatus(refused.status()), refused.status().name(), refused.path());
        } catch (ChannelFailure failure) {
            LOG.log(Level.FINE, "session channel failed", failure);
            error(
                    response,
                    HttpServletResponse.SC_GATEWAY_TIMEOUT,
                    failure.reason().name(),
                    path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, FileStatus.FAILED.name(), path);
        }
    }

    /**
     * The page's check before a download: one that passes records nothing (the download that follows
     * does); one the agent refuses is the representative's download attempt, recorded like a refused GET.
     */
    private void check(Actor actor, UUID session, String path, HttpServletResponse response)
            throws IOException, FileRefused, InterruptedException {
        RemoteFile file;
        try {
            file = channels.check(session, path, settings.current().maxFileTransferBytes());
        } catch (FileRefused refused) {
            transfers.transferred(
                    actor,
                    session,
                    Direction.DOWNLOAD,
                    refused.path(),
                    0,
                    refused.status().name());
            throw refused;
        }
        fileHeaders(response, file.path(), file.size());
    }

    private void download(Actor actor, UUID session, String path, HttpServletResponse response)
            throws IOException, FileRefused, InterruptedException {
        long[] passed = {0};
        String[] file = {path};
        String outcome = FileStatus.FAILED.name();
        try {
            channels.download(session, path, settings.current().maxFileTransferBytes(), (agentPath, size) -> {
                file[0] = agentPath;
                fileHeaders(response, agentPath, size);
                return new FilterOutputStream(response.getOutputStream()) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                        passed[0] += length;
                    }
                };
            });
            outcome = FileStatus.OK.name();
        } catch (FileRefused refused) {
            outcome = refused.status().name();
            throw refused;
        } finally {
            transfers.transferred(actor, session, Direction.DOWNLOAD, file[0], passed[0], outcome);
        }
    }

    private void upload(
            Actor actor, UUID session, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, FileRefused, InterruptedException {
        long size = request.getContentLengthLong();
        if (size < 0) {
            error(response, HttpServletResponse.SC_LENGTH_REQUIRED, "INVALID_REQUEST", "Content-Length expected");
            return;
        }
        long stored = 0;
        String outcome = FileStatus.FAILED.name();
        try {
            stored = channels.upload(
                    session, path, size, settings.current().maxFileTransferBytes(), request.getInputStream());
            outcome = FileStatus.OK.name();
        } catch (FileRefused refused) {
            outcome = refused.status().name();
            throw refused;
        } finally {
            transfers.transferred(actor, session, Direction.UPLOAD, path, stored, outcome);
        }
        json(
                response,
                Json.createObjectBuilder()
                        .add("type", "uploaded")
                        .add("path", path)
                        .add("size", stored)
                        .build()
                        .toString());
    }

    private static void fileHeaders(HttpServletResponse response, String agentPath, long size) {
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(size);
        response.setHeader("Content-Disposition", attachment(agentPath));
    }

    /** The file's own name for the browser's download, in both header forms (RFC 6266). */
    static String attachment(String agentPath) {
        String name = agentPath.substring(Math.max(agentPath.lastIndexOf('/'), agentPath.lastIndexOf('\\')) + 1);
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int httpStatus(FileStatus status) {
        return switch (status) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case PERMISSION_DENIED -> HttpServletResponse.SC_FORBIDDEN;
            case ALREADY_EXISTS -> HttpServletResponse.SC_CONFLICT;
            case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            case NOT_A_DIRECTORY, IS_A_DIRECTORY, INVALID_PATH -> HttpServletResponse.SC_BAD_REQUEST;
            case OK, FAILED -> HttpServletResponse.SC_BAD_GATEWAY;
        };
    }

    private static void json(HttpServletResponse response, String json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json);
    }

    private static void error(HttpServletResponse response, int httpStatus, String status, String path)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader("Content-Disposition", null);
        response.setStatus(httpStatus);
        // A HEAD's answer has no body to carry the status.
        response.setHeader("X-File-Status", status);
        json(
                response,
                Json.createObjectBuilder()
                        .add("type", "error")
                        .add("status", status)
                        .add("path", path)
                        .build()
                        .toString());
    }
}
