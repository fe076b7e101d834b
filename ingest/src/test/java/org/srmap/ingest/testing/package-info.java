/** Test fixtures shared by the ingest's test packages: where the real NYC data is. */
package org.srmap.ingest.testing;
