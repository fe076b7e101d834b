package org.srmap.siting.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointsCsvTest {
    private static List<Point> read(String text, PointsCsv.Kind kind) {
        return PointsCsv.read(new StringReader(text), "f.csv", kind);
    }

    @Test
    void readsColumnsInAnyOrderAndCaseIgnoringOthers() {
        List<Point> points =
                read("Name,LON,weight,ID,Lat\nA school,-73.95,3,a,40.7\nB,-73.9,,b,40.8\n", PointsCsv.Kind.DEMAND);
        assertThat(points)
                .containsExactly(new Point("a", 40.7, -73.95, 3, Double.POSITIVE_INFINITY), Point.of("b", 40.8, -73.9));
    }

    @Test
    void readsSiteCapacities() {
        assertThat(read("id,lat,lon,capacity\ns1,40.7,-73.9,250\n", PointsCsv.Kind.SITES)
                        .get(0)
                        .capacity())
                .isEqualTo(250);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "id,lat,lon\\na,91,-73.9 | line 2: lat must be -90..90, was 91.0",
                "id,lat,lon\\na,40.7,east | line 2: lon must be a number, was 'east'",
                "id,lat,lon\\n,40.7,-73.9 | line 2: id must not be blank",
                "id,lat,lon\\na,,-73.9 | line 2: lat is empty",
                "id,lat,lon,weight\\na,40.7,-73.9,-2 | line 2: weight must be a number >= 0, was -2.0",
                "id,lat,lon,weight\\na,40.7,-73.9,NaN | line 2: weight must be a number >= 0, was NaN",
                "id,lat,lon\\na,40.7,-73.9\\na,40.8,-73.9 | line 3: id 'a' appears twice",
                "id,lat,lon\\na,40.7 | line 2: has 2 cells, fewer than the header's columns",
                "id,lat\\na,40.7 | header: no column 'lon'",
                "id,lat,lon | no rows after the header",
            })
    void refusesAFileWithABadRowNamingTheLine(String text, String problem) {
        assertThatThrownBy(() -> read(text.replace("\\n", "\n"), PointsCsv.Kind.DEMAND))
                .isInstanceOf(PointsFileException.class)
                .hasMessageStartingWith("f.csv: 1 problem")
                .hasMessageContaining(problem);
    }

    @Test
    void namesEveryBadRowAndCountsThoseNotShown() {
        StringBuilder text = new StringBuilder("id,lat,lon\n");
        for (int i = 0; i < 12; i++) {
            text.append("p").append(i).append(",100,0\n");
        }
        assertThatThrownBy(() -> read(text.toString(), PointsCsv.Kind.DEMAND))
                .isInstanceOfSatisfying(
                        PointsFileException.class, e -> assertThat(e.problems()).hasSize(12))
                .hasMessageContaining("f.csv: 12 problems")
                .hasMessageContaining("line 11: lat")
                .hasMessageContaining("... and 2 more");
    }
}
