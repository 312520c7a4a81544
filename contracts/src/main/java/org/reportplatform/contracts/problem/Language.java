package org.reportplatform.contracts.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The language an answer is written in: Chinese for the province's staff and pages, English for everyone else. Only
 * the two the platform's texts exist in.
 */
public enum Language {
    EN,
    ZH;

    /** The language of a JAX-RS request; English when there is none. */
    public static Language preferredBy(HttpHeaders headers) {
        return headers == null ? EN : preferred(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * Chinese when a {@code zh*} language ranks above every English one in an Accept-Language header
     * ({@code zh-CN}, {@code zh-CN,zh;q=0.9,en;q=0.8}, {@code en;q=0.5, zh}); English otherwise, for a header that
     * names neither, and without one. A range whose weight cannot be read counts as unwanted rather than refusing
     * the request: the answer is written in some language all the same.
     */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null) {
            return EN;
        }
        return Arrays.stream(acceptLanguage.split(","))
                .map(Range::parse)
                .filter(range -> range.weight() > 0 && (range.language().equals("zh") || range.language().equals("en")))
                // a stable sort: of equal weights the one written first wins
                .sorted(Comparator.comparingDouble(Range::weight).reversed())
                .findFirst()
                .map(range -> range.language().equals("zh") ? ZH : EN)
                .orElse(EN);
    }

    /** {@code zh} when this is Chinese and there is one, {@code en} otherwise: a text that lacks Chinese shows in English. */
    public String pick(String en, String zh) {
        return this == ZH && zh != null ? zh : en;
    }

    /** One language range of Accept-Language: its primary language, lower case, and its weight {@code q}. */
    private record Range(String language, double weight) {

        static Range parse(String range) {
            String[] parts = range.split(";");
            String language = parts[0].trim().toLowerCase(Locale.ROOT).split("-", 2)[0];
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException unreadable) {
                        weight = 0;
                    }
                }
            }
            return new Range(language, weight);
        }
    }
}
