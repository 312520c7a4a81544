package org.reportplatform.intake.extraction;

import java.util.ArrayList;
import java.util.List;

/** The headings of one report, flat in text order, answering which section a position lies in. */
final class SectionTree {

    private final List<Heading> headings;

    SectionTree(List<Heading> headings) {
        this.headings = List.copyOf(headings);
    }

    List<Heading> headings() {
        return headings;
    }

    /** The innermost heading covering a normalised position, or null before the first heading. */
    Heading at(int position) {
        Heading inner = null;
        for (Heading h : headings) {
            if (h.start() > position) {
                break;
            }
            if (position < h.end()) {
                inner = h;
            }
        }
        return inner;
    }

    /** The titles from the top heading down to the one covering {@code position}: what the section is about. */
    List<String> titlesAt(int position) {
        List<String> titles = new ArrayList<>();
        for (Heading h : headings) {
            if (h.start() > position) {
                break;
            }
            if (position < h.end()) {
                titles.add(h.title());
            }
        }
        return titles;
    }

    /** The nested sections with original offsets. */
    List<Section> sections(NormalisedText text) {
        return children(text, 0, headings.size());
    }

    private List<Section> children(NormalisedText text, int from, int to) {
        List<Section> sections = new ArrayList<>();
        int i = from;
        while (i < to) {
            Heading h = headings.get(i);
            int next = i + 1;
            while (next < to && headings.get(next).depth() > h.depth()) {
                next++;
            }
            sections.add(new Section(h.label(), h.title(), h.path(), text.originalStart(h.start()), text.originalEnd(h.end()),
                    children(text, i + 1, next)));
            i = next;
        }
        return sections;
    }
}
