/** Turns raw 311 rows into validated service requests, or into rejects and warnings counted by reason code. */
package org.srmap.ingest.normalize;
