/** The srmap command line: parses arguments and runs the ingest, reference-load and generate commands. */
package org.srmap.ingest.cli;
