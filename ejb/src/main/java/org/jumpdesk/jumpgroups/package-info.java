/**
 * Jump Groups: who can see and act on a Jump Item. A shared group has members with a role; a personal
 * group {@code user:<username>} belongs to one user.
 */
package org.jumpdesk.jumpgroups;
