/** Geocoding for New York City: coordinate systems, districts, H3 cells and addresses, with no I/O of its own. */
package org.srmap.geocoder;
