/** Console login: Jakarta Security form authentication against the console accounts in the database. */
package org.jumpdesk.security;
