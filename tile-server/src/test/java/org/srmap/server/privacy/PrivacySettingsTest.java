package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacySettingsTest {
    @Test
    void isOnByDefaultForResidentialNoiseAndTenantsComplaints() {
        PrivacySettings defaults = PrivacySettings.defaults();
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.generalisedTypes())
                .contains("NOISE - RESIDENTIAL", "HEAT/HOT WATER", "PLUMBING", "UNSANITARY CONDITION")
                .doesNotContain("NOISE - STREET/SIDEWALK", "ILLEGAL PARKING");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Noise - Residential | true",
                "  noise   -  residential | true",
                "heat/hot water | true",
                "Noise - Street/Sidewalk | false",
                "Illegal Parking | false"
            })
    void matchesTypesInAnyCaseAndSpacing(String type, boolean generalised) {
        assertThat(PrivacySettings.defaults().generalises(type)).isEqualTo(generalised);
        assertThat(new PrivacySettings(false, null).generalises(type)).isFalse();
    }

    @Test
    void aGivenListReplacesTheDefaultNormalisedAndWithoutRepeats() {
        PrivacySettings s = new PrivacySettings(true, List.of("illegal parking", "ILLEGAL  PARKING ", "Rodent"));
        assertThat(s.generalisedTypes()).containsExactly("ILLEGAL PARKING", "RODENT");
        assertThat(new PrivacySettings(false, List.of("Rodent")).generalisedTypes())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "'   '"})
    void refusesABlankType(String type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PrivacySettings(true, Arrays.asList("RODENT", type)))
                .withMessageStartingWith("srmap.privacy.sensitive-types must be complaint types of 1..200 characters,"
                        + " was [RODENT, " + type + "]");
    }

    @Test
    void saysWhetherItIsOn() {
        assertThat(PrivacySettings.defaults().describe()).startsWith("privacy on: 15 sensitive types");
        assertThat(new PrivacySettings(false, null).describe()).startsWith("privacy OFF");
    }
}
