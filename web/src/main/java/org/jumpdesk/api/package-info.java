/**
 * The REST API under {@code /api/v1}: thin Jakarta REST resources over the EJB boundaries. Requests
 * authenticate with an API token ({@code Authorization: Bearer <token>}) and act as the token's owner, so
 * the boundaries apply that user's Jump Group roles and write the audit rows; refusals become RFC 9457
 * problem details carrying the catalogue code and its text in the request's language.
 */
package org.jumpdesk.api;
