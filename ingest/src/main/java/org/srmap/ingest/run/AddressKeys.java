package org.srmap.ingest.run;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.srmap.geocoder.address.AddressKey;
import org.srmap.geocoder.address.AddressNormalizer;
import org.srmap.geocoder.district.CommunityBoards;
import org.srmap.geocoder.district.ReportedBoard;
import org.srmap.ingest.load.GazetteerAddress;

/**
 * The gazetteer keys of a row's address and the district of its reported board, remembered per
 * distinct input: 311 data repeats itself (one building's heat complaints, a few hundred board
 * labels), and normalising an address is the costliest step of placing a row. Each memo is cleared
 * when it reaches {@link #MAX_ENTRIES}, so memory stays bounded on any file.
 */
final class AddressKeys {
    static final int MAX_ENTRIES = 200_000;

    private record Input(String address, String zip, String borough) {}

    private final Map<Input, GazetteerAddress> addresses = new HashMap<>();
    private final Map<String, Integer> boards = new HashMap<>();

    /**
     * The gazetteer keys of an address, the same instance for the same input while it is
     * remembered (the instance also carries what the rows at it teach the gazetteer).
     */
    GazetteerAddress of(String address, String zip, String borough) {
        if (address == null) {
            return GazetteerAddress.NONE;
        }
        Input input = new Input(address, zip, borough);
        GazetteerAddress keys = addresses.get(input);
        if (keys == null) {
            keys = compute(address, zip, borough);
            if (addresses.size() >= MAX_ENTRIES) {
                addresses.clear();
            }
            addresses.put(input, keys);
        }
        return keys;
    }

    /** The BoroCD a reported board label names (a district or a joint interest area), else 0. */
    int reportedBoroCd(String label) {
        Integer cached = boards.get(Objects.requireNonNullElse(label, ""));
        if (cached != null) {
            return cached;
        }
        ReportedBoard board = CommunityBoards.parse(label);
        int cd = board.kind() == ReportedBoard.Kind.DISTRICT || board.kind() == ReportedBoard.Kind.JOINT_INTEREST
                ? board.boroCd()
                : 0;
        if (boards.size() >= MAX_ENTRIES) {
            boards.clear();
        }
        boards.put(Objects.requireNonNullElse(label, ""), cd);
        return cd;
    }

    private static GazetteerAddress compute(String address, String zip, String borough) {
        Optional<AddressKey> key = AddressNormalizer.normalize(address, zip, borough);
        if (key.isEmpty()) {
            return GazetteerAddress.NONE;
        }
        Optional<AddressKey> byBorough = AddressNormalizer.inBorough(key.get(), borough);
        return new GazetteerAddress(
                key.get().compact(), byBorough.map(AddressKey::compact).orElse(null));
    }
}
