/** The reference places the web page draws and lists: borough outlines and community districts. */
package org.srmap.server.places;
