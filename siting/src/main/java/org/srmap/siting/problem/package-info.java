/** A siting problem's data: demand units, candidate sites, the distances between them. */
package org.srmap.siting.problem;
