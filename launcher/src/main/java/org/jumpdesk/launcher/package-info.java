/**
 * Running a JumpDesk site on one machine for evaluation and development: the database, the TLS key and the
 * WildFly process, with one command. Production sites run on an operator's WildFly and PostgreSQL.
 */
package org.jumpdesk.launcher;
