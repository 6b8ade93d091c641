/**
 * The admin portal (administrators only, {@code /admin/*}): request-scoped page beans that call the
 * boundaries as the logged-in administrator and show each refusal's catalogue text.
 */
package org.jumpdesk.admin;
