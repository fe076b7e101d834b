/** Coverage models: the most demand within a distance of k sites (MCLP), the fewest sites covering a share (LSCP). */
package org.srmap.siting.coverage;
