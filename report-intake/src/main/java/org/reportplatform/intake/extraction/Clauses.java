package org.reportplatform.intake.extraction;

/**
 * Sentence and clause boundaries in normalised text. The ASCII comma separates clauses except between digits,
 * where it groups thousands (3,209).
 */
final class Clauses {

    private static final String SENTENCE_ENDS = "。!?;；\n";
    /** Where a phrase about one number ends: commas, enumeration commas, colons and brackets too. */
    private static final String PHRASE_ENDS = SENTENCE_ENDS + "，、:()“”";

    private Clauses() {
    }

    static int sentenceStart(String text, int position) {
        return backTo(text, position, SENTENCE_ENDS);
    }

    static int sentenceEnd(String text, int position) {
        return forwardTo(text, position, SENTENCE_ENDS);
    }

    /** The clause a fact is quoted with: up to the nearest comma or sentence end. */
    static int clauseStart(String text, int position) {
        return backTo(text, position, SENTENCE_ENDS + "，:");
    }

    static int clauseEnd(String text, int position) {
        return forwardTo(text, position, SENTENCE_ENDS + "，:");
    }

    /** An item of an enumeration: up to a comma or 、, brackets and quotes included (二星(标准星)党支部). */
    static int itemStart(String text, int position) {
        return backTo(text, position, SENTENCE_ENDS + "，、:");
    }

    /** The phrase a number is about ends at enumeration commas and brackets as well. */
    static int phraseStart(String text, int position) {
        return backTo(text, position, PHRASE_ENDS);
    }

    static int phraseEnd(String text, int position) {
        return forwardTo(text, position, PHRASE_ENDS);
    }

    private static int backTo(String text, int position, String ends) {
        int i = position;
        while (i > 0 && !isBoundary(text, i - 1, ends)) {
            i--;
        }
        return i;
    }

    private static int forwardTo(String text, int position, String ends) {
        int i = position;
        while (i < text.length() && !isBoundary(text, i, ends)) {
            i++;
        }
        return i;
    }

    private static boolean isBoundary(String text, int i, String ends) {
        char c = text.charAt(i);
        if (c == ',') {
            return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)));
        }
        return ends.indexOf(c) >= 0;
    }
}
