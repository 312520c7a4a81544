package org.reportplatform.intake.extraction;

/** What the classifier says about one number: its kind, the phrase it is about and the period it states. */
record Classification(FactKind kind, String subject, String period) {

    /** The same number, about another subject (an item of a 分别 list). */
    Classification about(String item) {
        return new Classification(kind, item, period);
    }
}
