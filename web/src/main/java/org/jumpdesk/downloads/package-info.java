/** Files the site hands out over HTTP: the agent release for updating Jump Clients. */
package org.jumpdesk.downloads;
