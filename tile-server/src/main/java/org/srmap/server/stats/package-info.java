/** Counts of service requests grouped by category, type, district, borough, agency, status and period. */
package org.srmap.server.stats;
