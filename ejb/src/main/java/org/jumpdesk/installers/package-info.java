/**
 * Installers: a key, valid for a limited time and revocable, that many machines use to register as Jump
 * Clients with the group, tag, comments and modes the administrator chose.
 */
package org.jumpdesk.installers;
