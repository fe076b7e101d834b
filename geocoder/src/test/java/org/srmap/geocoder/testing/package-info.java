/** Test support shared by the feature packages: locating and reading the real NYC data in shared/data. */
package org.srmap.geocoder.testing;
