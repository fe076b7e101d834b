package org.srmap.server.geocode;

/**
 * The point the gazetteer holds for an address: the mean of the geocoded requests and facilities at
 * it.
 *
 * @param key the normalised address it was found under
 * @param by {@code zip} when found under the address's ZIP code, {@code borough} under its borough
 */
public record AddressMatch(String key, String by, double lat, double lon) {}
