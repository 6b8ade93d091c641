/** Site-wide client settings: intervals, limits and timeouts that agents and jumps follow. */
package org.jumpdesk.settings;
