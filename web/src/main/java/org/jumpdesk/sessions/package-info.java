/** Console pages of support sessions: the recording player. */
package org.jumpdesk.sessions;
