/** Synthetic NYC 311 service requests in the Open Data CSV export format, calibrated on the shared data folder. */
package org.srmap.ingest.generate;
