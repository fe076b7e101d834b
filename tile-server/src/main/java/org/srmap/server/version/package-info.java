/** The data version the caches are keyed on, read from the database in the background. */
package org.srmap.server.version;
