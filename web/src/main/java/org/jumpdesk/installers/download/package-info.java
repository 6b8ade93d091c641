/**
 * Installer packages built on download from the installer's link: the headless Linux {@code .bin} and the
 * Linux, macOS and Windows archives, each carrying the site's addresses, the installer key and the site
 * certificate's fingerprint.
 */
package org.jumpdesk.installers.download;
