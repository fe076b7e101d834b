/** The read side of Open311 GeoReport v2 (discovery, services, requests) in JSON and XML. */
package org.srmap.server.open311;
