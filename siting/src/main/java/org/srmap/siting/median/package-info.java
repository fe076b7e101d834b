/** The p-median model: p sites with the least demand-weighted distance to the nearest. */
package org.srmap.siting.median;
