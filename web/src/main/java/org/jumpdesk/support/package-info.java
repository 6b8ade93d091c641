/**
 * The public support portal ({@code support.xhtml}, no login): a customer types the session key their
 * representative gave them and downloads the temporary client with the key and the site in it.
 */
package org.jumpdesk.support;
