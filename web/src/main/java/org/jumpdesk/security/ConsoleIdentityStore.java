package org.jumpdesk.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.boundary.LoginResult;

/**
 * Checks console logins against the accounts the site stores, with the address the login came from, so
 * that too many failures lock the account and the address out for a while.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    /** Session attribute the login page reads to say the last login was refused because of a lockout. */
    public static final String LOCKED_OUT = "jumpdesk.login.lockedOut";

    @EJB
    private ConsoleUsers consoleUsers;

    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        LoginResult result = consoleUsers.verify(
                credential.getCaller(), credential.getPassword().getValue(), request.getRemoteAddr());
        HttpSession session = request.getSession();
        if (result.lockedOut()) {
            session.setAttribute(LOCKED_OUT, Boolean.TRUE);
        } else {
            session.removeAttribute(LOCKED_OUT);
        }
        if (result.identity().isPresent()) {
            // Session fixation: whoever knew the id before the login must not share the logged-in session.
            request.changeSessionId();
        }
        return result.identity()
                .map(identity -> new CredentialValidationResult(identity.username(), identity.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
