/**
 * Tests against the provisioned WildFly and a real PostgreSQL: in-container Arquillian tests of the
 * boundaries, and black-box tests that run the built agent jar as a separate process.
 */
package org.jumpdesk.systemtests;
