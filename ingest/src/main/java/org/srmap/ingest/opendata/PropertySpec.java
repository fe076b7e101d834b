package org.srmap.ingest.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One feature property as the reference loader reads it ({@code target}, e.g. {@code BoroCD}), found
 * in a downloaded feature under any spelling that differs only in case and punctuation ({@code boro_cd},
 * {@code borocd}), and written back with the loader's spelling and type.
 *
 * @param target the property name the loader reads
 * @param integer true to write a JSON integer (Socrata sends numbers as strings), false for text
 * @param required true to refuse a feature without it
 */
record PropertySpec(String target, boolean integer, boolean required) {

    PropertySpec {
        Objects.requireNonNull(target, "target must not be null");
        if (key(target).isEmpty()) {
            throw new IllegalArgumentException("target must contain a letter or digit, was '" + target + "'");
        }
    }

    static PropertySpec integer(String target) {
        return new PropertySpec(target, true, true);
    }

    static PropertySpec text(String target) {
        return new PropertySpec(target, false, true);
    }

    static PropertySpec optionalText(String target) {
        return new PropertySpec(target, false, false);
    }

    /**
     * The value for the loader, or null when the feature lacks it (and it is optional).
     *
     * @throws IllegalArgumentException if it is required and missing, or not an integer where one is needed
     */
    JsonNode read(JsonNode properties) {
        JsonNode value = find(properties);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException("no '" + target + "' property (nor a spelling of it)");
            }
            return null;
        }
        if (!integer) {
            return JsonNodeFactory.instance.textNode(value.asText().trim());
        }
        try {
            return JsonNodeFactory.instance.numberNode(
                    new BigDecimal(value.asText().trim()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "property '" + target + "' must be an integer, was '" + value.asText() + "'", e);
        }
    }

    private JsonNode find(JsonNode properties) {
        String wanted = key(target);
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (key(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Lower case, letters and digits only: {@code BoroCD}, {@code boro_cd} and {@code borocd} agree. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
