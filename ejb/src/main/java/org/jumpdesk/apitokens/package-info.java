/**
 * API tokens: bearer credentials for the REST API, created and revoked by administrators, stored only as
 * their SHA-256, scoped to reading or to reading and writing. A token acts as the console user who owns
 * it, so that user's Jump Group roles decide what it may see and change.
 */
package org.jumpdesk.apitokens;
