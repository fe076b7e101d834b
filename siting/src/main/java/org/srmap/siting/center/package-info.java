/** The p-center model: p sites with the smallest distance from the farthest demand to its nearest. */
package org.srmap.siting.center;
