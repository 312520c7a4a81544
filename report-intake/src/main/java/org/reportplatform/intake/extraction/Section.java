package org.reportplatform.intake.extraction;

import java.util.List;

/**
 * A heading of a report and what it covers: 一、, (一), 1. or 1、, (1), 一是. Offsets point into the original text.
 *
 * @param path the labels from the report's top heading down to this one, e.g. {@code 一、/(一)/1.}
 */
public record Section(String label, String title, String path, int start, int end, List<Section> children) {
}
