package org.jumpdesk.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.jumpdesk.users.boundary.ConsoleUsers;

/** Checks console logins against the accounts the site stores. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @EJB
    private ConsoleUsers consoleUsers;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return consoleUsers
                .verify(credential.getCaller(), credential.getPassword().getValue())
                .map(identity -> new CredentialValidationResult(identity.username(), identity.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
