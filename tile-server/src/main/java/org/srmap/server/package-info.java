/** The tile server's application, settings, database wiring and its one table of HTTP routes. */
package org.srmap.server;
