/** Loads the reference geography (boroughs, districts with population, NTAs, tracts) and facilities. */
package org.srmap.ingest.reference;
