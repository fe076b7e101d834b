/** Downloads the reference geography and recent 311 requests from NYC Open Data into a local cache. */
package org.srmap.ingest.opendata;
