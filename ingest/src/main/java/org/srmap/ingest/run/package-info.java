/** Runs an ingest of one or more sources end to end, with progress, counters by reason and a summary. */
package org.srmap.ingest.run;
