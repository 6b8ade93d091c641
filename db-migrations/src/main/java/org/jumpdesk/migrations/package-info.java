/**
 * The readiness check on the schema, next to the migrations it compares the database with. It lives in
 * this jar because the jar is in the EAR's {@code lib/}: WildFly looks for MicroProfile Health checks in
 * the EAR's own bean archive only, which its modules' beans are not part of.
 */
package org.jumpdesk.migrations;
