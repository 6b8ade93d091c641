/** What every component relies on: the schema being migrated before use, the clock. */
package org.jumpdesk.platform;
