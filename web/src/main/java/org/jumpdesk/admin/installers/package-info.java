/**
 * The admin portal's installer pages: the wizard that makes an installer and shows its link, key and
 * command lines once (and e-mails the link), and the list of installers with Revoke.
 */
package org.jumpdesk.admin.installers;
