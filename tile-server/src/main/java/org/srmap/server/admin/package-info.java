/** Operators' actions behind a bearer token: emptying the tile cache, reloading, triggering an ingest. */
package org.srmap.server.admin;
