package org.jumpdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jumpdesk.users.boundary.ConsoleUsers;

/** A user who must choose a new password sees only the page where they do. */
@WebFilter(urlPatterns = {"/console/*", "/admin/*"})
public class PasswordChangeRequired extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(ConsoleUsers.MUST_CHANGE_PASSWORD)) {
            response.sendRedirect(request.getContextPath() + "/password.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }
}
