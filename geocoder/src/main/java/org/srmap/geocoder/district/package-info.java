/** Community districts and boroughs: point-in-polygon lookup and parsing of the 311 Community Board field. */
package org.srmap.geocoder.district;
