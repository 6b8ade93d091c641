package org.jumpdesk.apitokens.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jumpdesk.apitokens.entity.ApiTokenScope;

/**
 * An API token to create.
 *
 * @param name what the token is for, e.g. the script that uses it
 * @param owner the console user the token acts as
 */
public record NewApiToken(
        @NotBlank @Size(max = 80) String name, @NotBlank @Size(max = 64) String owner, @NotNull ApiTokenScope scope) {}
