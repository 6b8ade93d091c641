/**
 * Support sessions: a representative's jump to a Jump Client, from the request (checked like every
 * console action, within the site's limit of jumps being set up) to its end, with its terminal recording.
 */
package org.jumpdesk.sessions;
