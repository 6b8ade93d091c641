package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.apitokens.boundary.ApiTokenView;
import org.jumpdesk.apitokens.boundary.ApiTokens;
import org.jumpdesk.apitokens.boundary.NewApiToken;
import org.jumpdesk.apitokens.entity.ApiTokenScope;

/** {@code admin/tokens.xhtml}: API tokens; a new token's secret is shown once, on the page that made it. */
@Named
@RequestScoped
public class TokenAdministration {

    @EJB
    private ApiTokens apiTokens;

    @Inject
    private AdminActions actions;

    private List<ApiTokenView> tokens;
    private String name;
    private String owner;
    private ApiTokenScope scope = ApiTokenScope.READ;
    private String secret;

    @PostConstruct
    void load() {
        tokens = apiTokens.list(actions.actor());
    }

    public void create() {
        actions.run(
                () -> secret = apiTokens
                        .create(actions.actor(), new NewApiToken(name, owner, scope))
                        .secret(),
                "admin.tokens.created",
                name);
        load();
    }

    public void revoke(UUID id) {
        actions.run(() -> apiTokens.revoke(actions.actor(), id), "admin.tokens.revoked");
        load();
    }

    public List<ApiTokenView> getTokens() {
        return tokens;
    }

    public ApiTokenScope[] getScopes() {
        return ApiTokenScope.values();
    }

    /** The secret of the token made by this request, or null. */
    public String getSecret() {
        return secret;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public ApiTokenScope getScope() {
        return scope;
    }

    public void setScope(ApiTokenScope scope) {
        this.scope = scope;
    }
}
