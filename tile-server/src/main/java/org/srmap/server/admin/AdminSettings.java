package org.srmap.server.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' actions ({@code srmap.admin.*}, or {@code SRMAP_ADMIN_TOKEN} and so on).
 *
 * @param token the bearer token every {@code /admin} request must carry; empty (the default): the
 *     actions are disabled and {@code /admin} answers 404
 * @param ingestCommand the command {@code POST /admin/ingest} runs, split into words (comma-separated
 *     in properties); empty: that action is not offered
 */
@ConfigurationProperties("srmap.admin")
public record AdminSettings(@DefaultValue("") String token, @DefaultValue({}) List<String> ingestCommand) {
    /** The shortest token accepted: guessing one is hopeless, even at the server's full speed. */
    static final int MIN_TOKEN_LENGTH = 16;

    public AdminSettings {
        if (!token.isEmpty() && (token.length() < MIN_TOKEN_LENGTH || !token.matches("[\\x21-\\x7E]+"))) {
            throw new IllegalArgumentException("srmap.admin.token must be empty or at least " + MIN_TOKEN_LENGTH
                    + " printable ASCII characters without spaces, was " + token.length() + " characters");
        }
        ingestCommand = List.copyOf(ingestCommand);
        if (ingestCommand.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "srmap.admin.ingest-command must not hold empty words, was " + ingestCommand);
        }
    }

    /** Whether the actions are offered at all. */
    public boolean enabled() {
        return !token.isEmpty();
    }
}
