package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertySpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        // target, integer, downloaded name, downloaded value, written JSON
        "BoroCD,     true,  boro_cd,    101,         101",
        "BoroCD,     true,  BOROCD,     '  481 ',    481",
        "BoroCD,     true,  BoroCD,     101.0,       101",
        "boro_code,  true,  borocode,   3,           3",
        "boro_name,  false, boroname,   Brooklyn,    '\"Brooklyn\"'",
        "NTAName,    false, ntaname,    ' Greenpoint', '\"Greenpoint\"'",
        "GEOID,      false, geoid,      36061000100, '\"36061000100\"'",
        "BoroCT2020, false, boro_ct_2020, 1000100,   '\"1000100\"'",
    })
    void findsAnySpellingAndWritesTheLoadersNameAndType(
            String target, boolean integer, String name, String value, String written) throws Exception {
        ObjectNode props = JSON.createObjectNode().put("other", "x").put(name, value);
        JsonNode read = new PropertySpec(target, integer, true).read(props);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(written);
    }

    @Test
    void refusesAMissingRequiredPropertyButNotAMissingOptionalOne() {
        ObjectNode props = JSON.createObjectNode().put("shape_area", "12.5").put("boro_cd", " ");
        assertThatThrownBy(() -> PropertySpec.integer("BoroCD").read(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no 'BoroCD' property (nor a spelling of it)");
        assertThat(PropertySpec.optionalText("CDTA2020").read(props)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1a", "101.5", "99999999999"})
    void refusesAnIntegerPropertyThatIsNotOne(String value) {
        ObjectNode props = JSON.createObjectNode().put("borocode", value);
        assertThatThrownBy(() -> PropertySpec.integer("boro_code").read(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("property 'boro_code' must be an integer, was '" + value + "'");
    }

    @Test
    void refusesATargetWithoutLettersOrDigits() {
        assertThatThrownBy(() -> PropertySpec.text("_ _"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target must contain a letter or digit, was '_ _'");
    }
}
