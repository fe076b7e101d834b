/** Reads NYC 311 export files (Open Data CSV, pandas re-exports, SODA API CSV and JSON) into raw rows. */
package org.srmap.ingest.read;
