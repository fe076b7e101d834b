package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.srmap.geocoder.district.ReportedBoard.Kind;
import org.srmap.geocoder.testing.ServiceRequestCsv;
import org.srmap.geocoder.testing.ServiceRequestCsv.Column;
import org.srmap.geocoder.testing.ServiceRequestCsv.Row;
import org.srmap.geocoder.testing.SharedData;

class CommunityBoardsRealDataTest {

    @Test
    void parsesEveryCommunityBoardLabelInTheSamples() throws IOException {
        TreeSet<String> labels = new TreeSet<>();
        for (Row row : ServiceRequestCsv.readAll()) {
            labels.add(row.get(Column.COMMUNITY_BOARD));
        }
        for (String file : new String[] {"311/soda-api_2024-05-26.json", "311/soda-api_2012.json"}) {
            for (JsonNode request :
                    new ObjectMapper().readTree(SharedData.require(file).toFile())) {
                labels.add(request.path("community_board").asText(""));
            }
        }

        Map<Kind, Integer> kinds = new TreeMap<>();
        for (String label : labels) {
            ReportedBoard board = CommunityBoards.parse(label);
            kinds.merge(board.kind(), 1, Integer::sum);
            String upper = label.toUpperCase(Locale.ROOT);
            if (upper.contains("UNSPECIFIED") || label.isBlank()) {
                assertThat(board.kind()).as(label).isEqualTo(Kind.UNSPECIFIED);
            } else {
                int number = Integer.parseInt(label.substring(0, 2));
                int boroCode = CommunityBoards.boroCodeOf(label.substring(3));
                assertThat(board.kind()).as(label).isIn(Kind.DISTRICT, Kind.JOINT_INTEREST);
                assertThat(board.boroCd()).as(label).isEqualTo(boroCode * 100 + number);
            }
        }
        System.out.printf(Locale.ROOT, "%d distinct Community Board labels: %s%n", labels.size(), kinds);
        assertThat(kinds.get(Kind.DISTRICT)).isEqualTo(59);
        assertThat(kinds.get(Kind.JOINT_INTEREST)).isGreaterThanOrEqualTo(8);
        assertThat(kinds).doesNotContainKey(Kind.INVALID);
    }
}
