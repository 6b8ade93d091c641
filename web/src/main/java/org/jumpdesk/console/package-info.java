/** The representative console (Jump interface): backing beans bound to view records, never entities. */
package org.jumpdesk.console;
