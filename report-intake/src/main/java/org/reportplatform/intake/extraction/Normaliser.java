package org.reportplatform.intake.extraction;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First stage: makes scraped report text readable by patterns while remembering where every character came from.
 * Traditional becomes Simplified (opencc4j), full-width ASCII becomes half-width, pinyin after characters
 * ({@code 推進(jìn)}) and site boilerplate lines go, and spaces between Chinese characters and digits go: PDF line
 * wrapping leaves them inside numbers and units ({@code 1516 83 人}, {@code 万 元}).
 */
public final class Normaliser {

    /** Pinyin in parentheses: letters with at least one tone mark. */
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]");
    private static final char FULL_WIDTH_COMMA = '，';

    private final BoilerplateLines boilerplate = new BoilerplateLines();

    public NormalisedText normalise(String original) {
        String simplified = simplified(original);
        boolean[] skipped = boilerplate.mask(simplified);
        StringBuilder text = new StringBuilder(original.length());
        int[] origin = new int[original.length() + 1];
        Matcher pinyin = PINYIN.matcher(simplified);
        int i = 0;
        while (i < simplified.length()) {
            char c = fold(simplified.charAt(i));
            if (skipped[i] || c == '\u0000') {
                i++;
            } else if ((c == '(') && text.length() > 0 && isHan(text.charAt(text.length() - 1))
                    && pinyin.region(i, simplified.length()).lookingAt()) {
                i = pinyin.end();
            } else if (c == ' ') {
                int next = nextVisible(simplified, i, skipped);
                if (text.length() > 0 && next < simplified.length()
                        && isLatin(text.charAt(text.length() - 1)) && isLatin(fold(simplified.charAt(next)))) {
                    origin[text.length()] = i;
                    text.append(' ');
                }
                i = next;
            } else {
                origin[text.length()] = i;
                text.append(c);
                i++;
            }
        }
        int[] trimmed = Arrays.copyOf(origin, text.length() + 1);
        trimmed[text.length()] = original.length();
        return new NormalisedText(text.toString(), trimmed);
    }

    /**
     * opencc4j converts phrases, which may change the length; offsets need one character for one, so a text whose
     * length changes is converted again character by character.
     */
    private static String simplified(String original) {
        String whole = ZhConverterUtil.toSimple(original);
        if (whole.length() == original.length()) {
            return whole;
        }
        StringBuilder each = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            String one = ZhConverterUtil.toSimple(String.valueOf(original.charAt(i)));
            each.append(one.length() == 1 ? one.charAt(0) : original.charAt(i));
        }
        return each.toString();
    }

    /** Half-width for full-width ASCII (but the Chinese comma, never a thousands separator), one space for all spaces. */
    static char fold(char c) {
        if (c >= '！' && c <= '～' && c != FULL_WIDTH_COMMA) {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '\u00A0', '\u3000', '\t', '\u2002', '\u2003', '\u2009', '\u202F' -> ' ';
            case '\u200B', '\uFEFF', '\r' -> '\u0000';
            default -> c;
        };
    }

    private static int nextVisible(String text, int from, boolean[] skipped) {
        int j = from;
        while (j < text.length() && (skipped[j] || fold(text.charAt(j)) == ' ' || fold(text.charAt(j)) == '\u0000')) {
            j++;
        }
        return j;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
