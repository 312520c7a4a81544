package org.reportplatform.intake.extraction;

/**
 * The text the later stages read (Simplified, half-width, without boilerplate or pinyin) and, for each of its
 * characters, where it came from in the original: every offset the reader reports points into what was posted.
 *
 * @param origin origin[i] is the original index of text.charAt(i); origin[text.length()] is the original length
 */
public record NormalisedText(String text, int[] origin) {

    /** The original offset where the normalised range starting at {@code start} begins. */
    public int originalStart(int start) {
        return origin[start];
    }

    /** The original offset just after the normalised range ending (exclusive) at {@code end}. */
    public int originalEnd(int end) {
        return end == 0 ? origin[0] : origin[end - 1] + 1;
    }
}
