/** Reading GeoJSON FeatureCollections in WGS84 into JTS geometries with their properties. */
package org.srmap.geocoder.geojson;
