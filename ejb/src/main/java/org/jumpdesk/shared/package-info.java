/** What every component shares: the status catalogue, the business exception, the acting user. */
package org.jumpdesk.shared;
