/** A planner's question (model, radius, k, required and excluded sites) over points, answered as a report. */
package org.srmap.siting.plan;
