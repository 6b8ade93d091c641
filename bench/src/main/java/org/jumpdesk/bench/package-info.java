/**
 * Load benchmarks of one JumpDesk node: {@link org.jumpdesk.bench.AgentFleet} simulates thousands of Jump
 * Clients over the real protocol, {@link org.jumpdesk.bench.Benchmark} runs the figures against the
 * provisioned WildFly and reports them against their targets.
 */
package org.jumpdesk.bench;
