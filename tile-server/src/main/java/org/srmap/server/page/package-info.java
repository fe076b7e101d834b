/** The web map's pages (module web), served from the classpath. */
package org.srmap.server.page;
