package org.reportplatform.intake.extraction;

/** One report of a posted text, in normalised offsets, with what its opening says about it. */
record ReportSegment(String label, String title, String level, String period, int start, int end, SectionTree sections) {

    ReportOutline outline(NormalisedText text) {
        return new ReportOutline(label, title, level, period, text.originalStart(start), text.originalEnd(end), sections.sections(text));
    }
}
