/** Reads NYC 311 from the live Socrata (SODA) API: paged, ordered, and incremental by update time. */
package org.srmap.ingest.socrata;
