package org.srmap.geocoder.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class AddressNormalizerTest {

    @ParameterizedTest
    @CsvSource({
        // The same Bronx building as 311 writes it and as people write it.
        "655 EAST  230 STREET, 10466, BRONX, 655, EAST 230 STREET, 10466",
        "655 E 230TH ST, 10466, BRONX, 655, EAST 230 STREET, 10466",
        "'655 E. 230th St.', 10466-1234, Bronx, 655, EAST 230 STREET, 10466",
        "'  655   east 230 street ', 10466.0, BRONX, 655, EAST 230 STREET, 10466",
        "655 EAST 230 STREET, '', BRONX, 655, EAST 230 STREET, BRONX",
        "655 EAST 230 STREET, N/A, bronx, 655, EAST 230 STREET, BRONX",
        "655 EAST 230 STREET, 1046, BRONX, 655, EAST 230 STREET, BRONX",
        // Queens hyphenated house numbers.
        "73-42 68 AVENUE, 11379, QUEENS, 73-42, 68 AVENUE, 11379",
        "73-42 68TH AVE, 11379, QUEENS, 73-42, 68 AVENUE, 11379",
        "73 - 42 68 AV, 11379, QUEENS, 73-42, 68 AVENUE, 11379",
        "100-26 41 AVENUE, 11368, QUEENS, 100-26, 41 AVENUE, 11368",
        "118-08 226 ST, 11411, QUEENS, 118-08, 226 STREET, 11411",
        "61-08 80TH ST, 11379, QUEENS, 61-08, 80 STREET, 11379",
        // Saint, Mount and Fort before a name; ST as the street type.
        "1610 ST NICHOLAS AVENUE, 10040, MANHATTAN, 1610, SAINT NICHOLAS AVENUE, 10040",
        "1610 SAINT NICHOLAS AVE, 10040, MANHATTAN, 1610, SAINT NICHOLAS AVENUE, 10040",
        "'1610 St. Nicholas Ave., Apt 4B', 10040, MANHATTAN, 1610, SAINT NICHOLAS AVENUE, 10040",
        "185 ST MARKS PLACE, 11217, BROOKLYN, 185, SAINT MARKS PLACE, 11217",
        "'185 ST. MARK''S PL', 11217, BROOKLYN, 185, SAINT MARKS PLACE, 11217",
        "2059 ST RAYMOND AVE, 10462, BRONX, 2059, SAINT RAYMOND AVENUE, 10462",
        "9210 FT HAMILTON PKWY, 11209, BROOKLYN, 9210, FORT HAMILTON PARKWAY, 11209",
        "1 MT EDEN AVE, 10452, BRONX, 1, MOUNT EDEN AVENUE, 10452",
        "12 W ST, 10006, MANHATTAN, 12, WEST STREET, 10006",
        // Lettered avenues keep their letter; directions elsewhere become words.
        "5324 AVENUE M, 11234, BROOKLYN, 5324, AVENUE M, 11234",
        "5324 AVE M, 11234, BROOKLYN, 5324, AVENUE M, 11234",
        "280 AVENUE W, 11223, BROOKLYN, 280, AVENUE W, 11223",
        "100 PARK AVE S, 10003, MANHATTAN, 100, PARK AVENUE SOUTH, 10003",
        "100 PARK AVENUE SOUTH, 10003, MANHATTAN, 100, PARK AVENUE SOUTH, 10003",
        "100 PARK AVE SOUTH, 10003, MANHATTAN, 100, PARK AVENUE SOUTH, 10003",
        "25 CENTRAL PARK W, 10023, MANHATTAN, 25, CENTRAL PARK WEST, 10023",
        "1216 223 STREET EAST, 10466, BRONX, 1216, EAST 223 STREET, 10466",
        "1216 EAST 223 STREET, 10466, BRONX, 1216, EAST 223 STREET, 10466",
        "28-10 QUEENS PLZ N, 11101, QUEENS, 28-10, QUEENS PLAZA NORTH, 11101",
        "714 W 181 ST, 10033, MANHATTAN, 714, WEST 181 STREET, 10033",
        "1270 E 19 ST, 11230, BROOKLYN, 1270, EAST 19 STREET, 11230",
        "1166 AVE OF THE AMERICAS, 10036, MANHATTAN, 1166, AVENUE OF THE AMERICAS, 10036",
        // Ordinal words before the street type become numbers, as 311 writes them.
        "1 FIFTH AVE, 10003, MANHATTAN, 1, 5 AVENUE, 10003",
        "1 5TH AVENUE, 10003, MANHATTAN, 1, 5 AVENUE, 10003",
        "1 5 AVENUE, 10003, MANHATTAN, 1, 5 AVENUE, 10003",
        "200 E FIRST ST, 10009, MANHATTAN, 200, EAST 1 STREET, 10009",
        // Street types.
        "1054 ROGERS AVE, 11226, BROOKLYN, 1054, ROGERS AVENUE, 11226",
        "1275 EDWARD L GRANT HWY, 10452, BRONX, 1275, EDWARD L GRANT HIGHWAY, 10452",
        "2600 CANNON RD, 10306, STATEN ISLAND, 2600, CANNON ROAD, 10306",
        "5200 W MERCURY BLVD, 11101, QUEENS, 5200, WEST MERCURY BOULEVARD, 11101",
        "10 STUYVESANT SQR, 10003, MANHATTAN, 10, STUYVESANT SQUARE, 10003",
        "35 ST NICHOLAS TER, 10027, MANHATTAN, 35, SAINT NICHOLAS TERRACE, 10027",
        "150 BCH 9 ST, 11691, QUEENS, 150, BEACH 9 STREET, 11691",
        "150 BEACH 9 STREET, 11691, QUEENS, 150, BEACH 9 STREET, 11691",
        "40 WESTSHORE EXPY, 10314, STATEN ISLAND, 40, WESTSHORE EXPRESSWAY, 10314",
        // Units, fractions, letters and leading zeros.
        "123 MAIN ST #4, 11354, QUEENS, 123, MAIN STREET, 11354",
        "123 MAIN ST UNIT 4, 11354, QUEENS, 123, MAIN STREET, 11354",
        "123 MAIN STREET FL 2, 11354, QUEENS, 123, MAIN STREET, 11354",
        "'123 Main St., Ste 300', 11354, QUEENS, 123, MAIN STREET, 11354",
        "123 1/2 MAIN ST, 11354, QUEENS, 123, MAIN STREET, 11354",
        "0123 MAIN ST, 11354, QUEENS, 123, MAIN STREET, 11354",
        "12A MAIN ST, 11354, QUEENS, 12A, MAIN STREET, 11354",
        "12 CAFÉ PL, 10013, MANHATTAN, 12, CAFE PLACE, 10013",
        "8 WILKES-BARRE ST, 10301, staten  island, 8, WILKES BARRE STREET, 10301",
        "8 WILKES BARRE ST, '', STATEN ISLAND, 8, WILKES BARRE STREET, STATEN ISLAND",
    })
    void normalisesSpellingVariantsToOneKey(
            String address, String zip, String borough, String houseNumber, String street, String area) {
        assertThat(AddressNormalizer.normalize(address, zip, borough))
                .contains(new AddressKey(houseNumber, street, area));
    }

    @ParameterizedTest
    @CsvSource({
        "EAST 36 STREET, 10016, MANHATTAN", // no house number
        "' EAST 52 STREET', 11234, BROOKLYN",
        "43 AVENUE, 11361, QUEENS", // a numbered street, not a house
        "1 AVE, 10009, MANHATTAN",
        "AIRPORT DITMARS BLVD AND 94TH ST, 11369, QUEENS", // an intersection
        "123 MAIN ST AND 5 AVE, 11354, QUEENS",
        "123 BROADWAY & W 96 ST, 10025, MANHATTAN",
        "123 BROADWAY/W 96 ST, 10025, MANHATTAN",
        "N/A N/A, 10025, MANHATTAN",
        "0 MAIN ST, 11354, QUEENS", // house number 0
        "123, 11354, QUEENS", // no street
        "123 #4, 11354, QUEENS",
        "655 EAST 230 STREET, '', Unspecified", // neither ZIP nor borough
        "655 EAST 230 STREET, 1234, ''",
        "655 EAST 230 STREET, 00000, ",
    })
    void givesNoKeyWithoutAHouseAddress(String address, String zip, String borough) {
        assertThat(AddressNormalizer.normalize(address, zip, borough)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void givesNoKeyForAMissingAddress(String address) {
        assertThat(AddressNormalizer.normalize(address, "10001", "MANHATTAN")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'73-42 68 AVENUE', 11379, QUEENS, QUEENS",
        "'655 EAST  230 STREET', 10466, bronx, BRONX",
        "'100 GOLD ST', 10038, 'Staten  Island', STATEN ISLAND",
    })
    void rekeysAnAddressByBoroughAsIfNormalisedWithoutZip(String address, String zip, String borough, String area) {
        AddressKey byZip = AddressNormalizer.normalize(address, zip, borough).orElseThrow();
        AddressKey byBorough = AddressNormalizer.inBorough(byZip, borough).orElseThrow();
        assertThat(byBorough)
                .isEqualTo(AddressNormalizer.normalize(address, null, borough).orElseThrow());
        assertThat(byBorough.zip()).isEqualTo(area);
    }

    @Test
    void cannotRekeyByAnUnknownBorough() {
        AddressKey key =
                AddressNormalizer.normalize("1 MAIN STREET", "10001", null).orElseThrow();
        assertThat(AddressNormalizer.inBorough(key, "Unspecified")).isEmpty();
    }
}
