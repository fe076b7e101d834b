/** Writes service requests into PostGIS: COPY into staging, upsert by unique key, rejects, rollups, runs. */
package org.srmap.ingest.load;
