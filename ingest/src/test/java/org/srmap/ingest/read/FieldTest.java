package org.srmap.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Unique Key                           | UNIQUE_KEY",
                "unique_key                           | UNIQUE_KEY",
                "UNIQUE KEY                           | UNIQUE_KEY",
                "Created Date                         | CREATED_DATE",
                "created_date                         | CREATED_DATE",
                "Complaint Type                       | COMPLAINT_TYPE",
                "Problem (formerly Complaint Type)    | COMPLAINT_TYPE",
                "Problem Detail (formerly Descriptor) | DESCRIPTOR",
                "descriptor                           | DESCRIPTOR",
                "X Coordinate (State Plane)           | X_COORDINATE",
                "x_coordinate_state_plane             | X_COORDINATE",
                "Y Coordinate (State Plane)           | Y_COORDINATE",
                "y_coordinate_state_plane             | Y_COORDINATE",
                "Resolution Action Updated Date       | RESOLUTION_ACTION_UPDATED_DATE",
                "resolution_action_updated_date       | RESOLUTION_ACTION_UPDATED_DATE",
                "Open Data Channel Type               | OPEN_DATA_CHANNEL_TYPE",
                "Cross Street 1                       | CROSS_STREET_1",
                "cross_street_2                       | CROSS_STREET_2",
                "Incident Zip                         | INCIDENT_ZIP",
                "BBL                                  | BBL",
                "Location                             | LOCATION",
            })
    void recognisesHeaderAliases(String header, Field expected) {
        assertThat(Field.forHeader(header)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "School Name                 | true",
                "school_or_citywide_complaint | true",
                "Taxi Pick Up Location       | true",
                "bridge_highway_segment      | true",
                "Ferry Terminal Name         | true",
                "Garage Lot Name             | true",
                ":@computed_region_efsh_h5xi | true",
                "vehicle_type                | true",
                "Road Ramp                   | true",
                "Mystery Column              | false",
            })
    void ignoresKnownUnusedColumnsWithoutWarning(String header, boolean knownUnused) {
        assertThat(Field.forHeader(header)).isEmpty();
        assertThat(HeaderLayout.isKnownUnused(header)).isEqualTo(knownUnused);
    }
}
