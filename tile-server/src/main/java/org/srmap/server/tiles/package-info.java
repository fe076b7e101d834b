/** Mapbox Vector Tiles of the districts and the requests, drawn by PostGIS for one tile and filter. */
package org.srmap.server.tiles;
