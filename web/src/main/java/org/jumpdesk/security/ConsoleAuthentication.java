package org.jumpdesk.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.jumpdesk.users.boundary.ConsoleUsers;

/** Form login for the console: {@code /login.xhtml} posts to {@code j_security_check}. */
@ApplicationScoped
@DeclareRoles({ConsoleUsers.REPRESENTATIVE, ConsoleUsers.ADMIN, ConsoleUsers.MUST_CHANGE_PASSWORD})
@FormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login.xhtml?failed=true"))
public class ConsoleAuthentication {}
