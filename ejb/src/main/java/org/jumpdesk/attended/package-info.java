/**
 * Attended support: a representative hands a customer a one-time session key, the customer's temporary
 * client presents it and waits in that representative's queue, and the representative accepts it into a
 * support session (see {@code sessions}).
 */
package org.jumpdesk.attended;
