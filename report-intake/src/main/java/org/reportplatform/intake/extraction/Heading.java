package org.reportplatform.intake.extraction;

/**
 * A heading as the segmenter finds it, in normalised offsets: its style (一、 or (一) …) and number, its depth in
 * the report's nesting and the range it covers (up to the next heading at its depth or above).
 */
record Heading(String style, int number, int depth, String label, String title, String path, int start, int end) {

    /** The title cut where a heading following at {@code next} begins. */
    Heading withTitleBefore(int next) {
        int titleStart = start + label.length();
        int room = Math.max(0, next - titleStart);
        return room >= title.length() ? this : new Heading(style, number, depth, label, title.substring(0, room).strip(), path, start, end);
    }

    Heading withEnd(int newEnd) {
        return new Heading(style, number, depth, label, title, path, start, newEnd);
    }
}
