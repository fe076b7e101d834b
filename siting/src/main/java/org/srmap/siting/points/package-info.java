/** Demand units and candidate sites as planners give them: points with ids, weights and capacities, read from CSV. */
package org.srmap.siting.points;
