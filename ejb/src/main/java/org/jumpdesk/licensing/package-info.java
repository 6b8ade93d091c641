/**
 * The site license: Jump Clients are sold in packs of 25 (the deployed limit) with a separate limit on
 * active clients. Usage is counted in the license row and checked under its lock, in the transaction of
 * the change, so the limits hold across concurrent requests and cluster nodes.
 */
package org.jumpdesk.licensing;
