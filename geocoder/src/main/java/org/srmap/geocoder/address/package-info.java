/** Normalisation of NYC 311 incident addresses and a gazetteer that places addresses from past geocoded rows. */
package org.srmap.geocoder.address;
