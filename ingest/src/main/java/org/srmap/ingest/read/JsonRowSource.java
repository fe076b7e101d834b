package org.srmap.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srmap.ingest.normalize.RejectReason;

/**
 * Reads the SODA API JSON export (a top-level array of objects with snake_case keys) with Jackson's streaming parser,
 * one element at a time.
 *
 * <p>Line numbers are element indexes: the first element of the array is 1. The raw text is the element exactly as
 * written. Strings, numbers and booleans become their text; nulls are absent; nested values of known keys become
 * their JSON text. The {@code location} object (SODA {@code {latitude, longitude, human_address}}, or a GeoJSON
 * {@code Point} in older exports) fills LATITUDE and LONGITUDE when the element has no such keys of its own.
 *
 * <p>JSON cannot be resynchronised after a syntax error: the broken element is reported as
 * {@link RejectReason#MALFORMED_JSON_RECORD} and reading stops there. A file cut off between two elements ends
 * without a malformed record (nothing was lost) and with a logged warning.
 */
final class JsonRowSource implements RowSource {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRowSource.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final FallbackDecodingReader decoder;
    private final CapturingReader capture;
    private final JsonParser parser;
    private final Map<String, Field> fieldByKey = new HashMap<>();
    private final Set<String> otherKeys = new HashSet<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> unknownKeys = new ArrayList<>();
    private long elementsRead;
    private long lastEnd;
    private ReadResult pending;
    private boolean done;

    private JsonRowSource(String name, FallbackDecodingReader decoder, CapturingReader capture) throws IOException {
        this.name = name;
        this.decoder = decoder;
        this.capture = capture;
        this.parser = MAPPER.getFactory().createParser(capture);
    }

    static JsonRowSource open(InputStream content, boolean utf8, String name)
            throws IOException, SourceFormatException {
        FallbackDecodingReader decoder = new FallbackDecodingReader(content, utf8, name);
        JsonRowSource source = new JsonRowSource(name, decoder, new CapturingReader(decoder));
        try {
            if (source.parser.nextToken() != JsonToken.START_ARRAY) {
                throw new SourceFormatException(name + ": expected a JSON array of records");
            }
            source.pending = source.readElement();
        } catch (JsonProcessingException e) {
            source.close();
            throw new SourceFormatException(name + ": not valid JSON: " + describe(e), e);
        } catch (SourceFormatException | IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        if (source.pending == null) {
            return source;
        }
        if (source.pending instanceof MalformedRow malformed
                && malformed.reason() == RejectReason.MALFORMED_JSON_RECORD) {
            source.close();
            throw new SourceFormatException(name + ": the JSON array does not hold 311 records: " + malformed.detail());
        }
        try {
            HeaderLayout.of(source.keys).requireCoreColumns(name, "the first record", true);
        } catch (SourceFormatException e) {
            source.close();
            throw e;
        }
        return source;
    }

    @Override
    public ReadResult next() throws IOException {
        if (pending != null) {
            ReadResult result = pending;
            pending = null;
            return result;
        }
        if (done) {
            return null;
        }
        try {
            ReadResult result = readElement();
            if (result == null) {
                done = true;
            }
            return result;
        } catch (JsonProcessingException e) {
            done = true;
            return broken(e);
        }
    }

    /** The next element, or null after the closing bracket. */
    private ReadResult readElement() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            done = true;
            if (token != null && hasTrailingContent()) {
                LOG.warn("{}: ignoring text after the closing ']' of the array", name);
            }
            return null;
        }
        long number = elementsRead + 1;
        long start = parser.currentTokenLocation().getCharOffset();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            String raw = finishElement(start);
            return new MalformedRow(
                    number,
                    raw,
                    RejectReason.MALFORMED_JSON_RECORD,
                    String.format(Locale.ROOT, "element %d is %s, not an object", number, describe(token)));
        }
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        String locationLatitude = null;
        String locationLongitude = null;
        String tooLongKey = null;
        int tooLongLength = 0;
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            Field field = resolve(key, number);
            String text;
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                if (field == null) {
                    parser.skipChildren();
                    continue;
                }
                JsonNode node = MAPPER.readTree(parser);
                if (field == Field.LOCATION) {
                    locationLatitude = coordinate(node, "latitude", 1);
                    locationLongitude = coordinate(node, "longitude", 0);
                }
                text = node.toString();
            } else if (value == JsonToken.VALUE_NULL || field == null) {
                continue;
            } else {
                text = parser.getText();
            }
            if (text.length() > CsvRowSource.MAX_FIELD_CHARS && tooLongKey == null) {
                tooLongKey = key;
                tooLongLength = text.length();
            }
            values.put(field, text);
        }
        String raw = finishElement(start);
        if (tooLongKey != null) {
            return new MalformedRow(
                    number,
                    raw,
                    RejectReason.FIELD_TOO_LONG,
                    String.format(
                            Locale.ROOT,
                            "key '%s' holds %,d characters; at most %,d are allowed",
                            tooLongKey,
                            tooLongLength,
                            CsvRowSource.MAX_FIELD_CHARS));
        }
        fillFromLocation(values, Field.LATITUDE, locationLatitude);
        fillFromLocation(values, Field.LONGITUDE, locationLongitude);
        return new SourceRow(number, raw, values);
    }

    private boolean hasTrailingContent() throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private String finishElement(long start) {
        long end = parser.currentLocation().getCharOffset();
        String raw = capture.text(start, end);
        capture.discardBefore(end);
        lastEnd = end;
        elementsRead++;
        return raw;
    }

    private static void fillFromLocation(EnumMap<Field, String> values, Field field, String fromLocation) {
        String own = values.get(field);
        if (fromLocation != null && (own == null || own.isBlank())) {
            values.put(field, fromLocation);
        }
    }

    /** A coordinate of a SODA location object by name, or of a GeoJSON point by index in [longitude, latitude]. */
    private static String coordinate(JsonNode location, String name, int geoJsonIndex) {
        JsonNode named = location.get(name);
        if (named != null && named.isValueNode() && !named.isNull()) {
            return named.asText();
        }
        JsonNode coordinates = location.get("coordinates");
        if (coordinates != null && coordinates.isArray() && coordinates.size() == 2) {
            JsonNode value = coordinates.get(geoJsonIndex);
            return value.isNumber() || value.isTextual() ? value.asText() : null;
        }
        return null;
    }

    private Field resolve(String key, long elementNumber) {
        Field known = fieldByKey.get(key);
        if (known != null || otherKeys.contains(key)) {
            return known;
        }
        keys.add(key);
        Optional<Field> field = Field.forHeader(key);
        if (field.isPresent()) {
            fieldByKey.put(key, field.get());
            return field.get();
        }
        otherKeys.add(key);
        if (!HeaderLayout.isKnownUnused(key)) {
            unknownKeys.add(key);
            LOG.warn("{}: ignoring unknown key '{}' (first seen in element {})", name, key, elementNumber);
        }
        return null;
    }

    /** The element being read when the JSON broke, or null when the file merely ends between two elements. */
    private ReadResult broken(JsonProcessingException e) {
        long number = elementsRead + 1;
        String rest = capture.textFrom(lastEnd);
        String partial = rest.strip();
        if (partial.startsWith(",")) {
            partial = partial.substring(1).strip();
        }
        if (partial.isEmpty()) {
            LOG.warn("{}: the file ends after element {} without the closing ']'; it may be cut off", name, number - 1);
            return null;
        }
        String detail = e instanceof JsonEOFException
                ? String.format(Locale.ROOT, "the file ends inside element %d; it looks cut off", number)
                : String.format(
                        Locale.ROOT,
                        "element %d is not valid JSON (%s); the rest of the file cannot be read",
                        number,
                        describe(e));
        return new MalformedRow(number, partial, RejectReason.MALFORMED_JSON_RECORD, detail);
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null
                ? ""
                : String.format(Locale.ROOT, " at line %d, column %d", location.getLineNr(), location.getColumnNr());
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)) + where;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(name, Format.SODA_JSON, decoder.charset(), keys, unknownKeys);
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            capture.close();
        }
    }
}
