/** Facility-location models for siting warming centers: coverage, p-median and p-center. */
package org.srmap.siting;
