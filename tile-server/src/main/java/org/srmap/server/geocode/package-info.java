/** Geocoding for the map page: an address to its point (the gazetteer), a point to its district, borough, neighbourhood and cells. */
package org.srmap.server.geocode;
