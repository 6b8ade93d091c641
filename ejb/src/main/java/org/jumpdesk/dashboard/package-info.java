/**
 * The admin portal's dashboard: history of connected clients, Jump Client states and support sessions, kept
 * in PostgreSQL so every node shows the same charts.
 */
package org.jumpdesk.dashboard;
