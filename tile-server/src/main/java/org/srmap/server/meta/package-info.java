/** What a client needs to know before it asks for data: the data's dates and version, the map's settings. */
package org.srmap.server.meta;
