package org.srmap.geocoder.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKeyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "'' ; MAIN STREET ; 10001 ; houseNumber must be digits",
                "12-A-3 ; MAIN STREET ; 10001 ; houseNumber must be digits",
                "12 ; Main Street ; 10001 ; street must be upper-case words separated by single spaces, was 'Main Street'",
                "12 ; MAIN  STREET ; 10001 ; street must be upper-case words",
                "12 ; MAIN|STREET ; 10001 ; street must be upper-case words",
                "12 ; MAIN STREET ; 1000 ; zip must be 5 digits or a borough name, was '1000'",
                "12 ; MAIN STREET ; Bronx ; zip must be 5 digits or a borough name, was 'Bronx'",
            })
    void rejectsPartsThatAreNotNormalised(String houseNumber, String street, String zip, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddressKey(houseNumber, street, zip))
                .withMessageStartingWith(message);
    }

    @Test
    void compactsToOneString() {
        assertThat(new AddressKey("73-42", "68 AVENUE", "11379").compact()).isEqualTo("73-42|68 AVENUE|11379");
        assertThat(new AddressKey("8", "WILKES BARRE STREET", "STATEN ISLAND").compact())
                .isEqualTo("8|WILKES BARRE STREET|STATEN ISLAND");
    }
}
