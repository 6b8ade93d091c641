/**
 * The installer every package runs ({@link org.jumpdesk.agent.install.InstallerMain}): one command line in
 * both the dashed and the MSI form, the headless Linux installation with its {@code init-script},
 * {@code uninstall} and systemd unit, and the Windows one; refusals with their exit codes, on stderr and
 * in syslog, leaving nothing behind.
 */
package org.jumpdesk.agent.install;
