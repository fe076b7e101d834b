/** H3 hexagonal cells for per-request points, daily rollups and web-map hexbins. */
package org.srmap.geocoder.h3;
