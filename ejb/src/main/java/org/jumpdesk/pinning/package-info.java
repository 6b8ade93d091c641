/**
 * Session pinning ("Pin as Jump Client"): from an attended session the representative asks the customer's
 * temporary client to install itself as a Jump Client. The request makes a one-time installer, so the new
 * client registers through the same path and quota checks as any installed one; the session policy says
 * whether the customer is asked first.
 */
package org.jumpdesk.pinning;
