/**
 * Privacy: requests of sensitive types are shown only at their resolution-10 H3 cell's centre, and
 * without a house number, in every tile and API.
 */
package org.srmap.server.privacy;
