/** Connects to PostGIS and brings its schema up to date with the Flyway migrations kept in this module. */
package org.srmap.sql;
