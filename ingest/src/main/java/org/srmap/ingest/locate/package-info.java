/** Places a service request on the map: coordinates, district and H3 cells, from what the row carries. */
package org.srmap.ingest.locate;
