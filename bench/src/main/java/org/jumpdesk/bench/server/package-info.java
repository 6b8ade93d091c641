/** Code deployed into the benchmark's server only: drives the boundaries from inside WildFly. */
package org.jumpdesk.bench.server;
