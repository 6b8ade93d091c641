/** Console users (representatives and administrators): accounts, password verification, the first admin. */
package org.jumpdesk.users;
