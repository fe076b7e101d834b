/** Coordinate reference systems used by NYC data: WGS84, New York State Plane Long Island (EPSG:2263) and Web Mercator. */
package org.srmap.geocoder.crs;
