/** The filters every endpoint shares (category, type, dates, status, district, agency): parsing and SQL. */
package org.srmap.server.filter;
