/** OR-Tools' linear and integer solvers, loaded once and always released. */
package org.srmap.siting.mip;
