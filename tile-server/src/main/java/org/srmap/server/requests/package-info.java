/** Single service requests by key, and the requests near a point, sorted by distance and paged. */
package org.srmap.server.requests;
