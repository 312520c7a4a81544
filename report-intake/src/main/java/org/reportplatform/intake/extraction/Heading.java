package org.reportplatform.intake.extraction;

/**
 * A heading as the segmenter finds it, in normalised offsets: its style (一、 or (一) …) and number, its depth in
 * the report's nesting and the range it covers (up to the next heading at its depth or above).
 */
record Heading(String style, int number, int depth, String label, String title, String path, int start, int end) {

    Heading withEnd(int newEnd) {
        return new Heading(style, number, depth, label, title, path, start, newEnd);
    }
}
