/**
 * The attended customer's temporary client ({@code /customer}): presents a session key, waits in the
 * representative's queue, and is asked to attach to a support session like an agent.
 */
package org.jumpdesk.customers;
