package org.reportplatform.intake.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second stage: splits a text into its reports (篇一…, 【篇一】, (篇一), 篇1) and each report into its section tree.
 * Nesting follows the order in which heading styles appear, since reports nest 一、/(一)/1./(1)/一是
 * inconsistently. A heading that starts a line or follows a sentence end is taken as it is; one inside running
 * text (scraped bodies lose their line breaks) only when it continues its numbering.
 */
public final class ReportSegmenter {

    private static final String CN_DIGITS = "一二三四五六七八九十";
    private static final Pattern PART = Pattern.compile(
            "[【(](?:篇|第)([" + CN_DIGITS + "\\d]{1,3})篇?[】)]|(?<=^|\\n) *篇([" + CN_DIGITS + "\\d]{1,3})(?= *(?:\\n|$|[:：]))");
    private static final Pattern HEADING = Pattern.compile(
            "(?<cn>[" + CN_DIGITS + "]{1,3})、"
                    + "|\\((?<pcn>[" + CN_DIGITS + "]{1,3})\\)"
                    + "|(?<ar>\\d{1,2})(?<arsep>[.、])(?![\\d%])"
                    + "|\\((?<par>\\d{1,2})\\)"
                    + "|(?<shi>[" + CN_DIGITS + "]{1,2})是");
    private static final String BOUNDARY = "。!?;；:\n";
    private static final int MAX_TITLE = 40;
    private static final int OPENING = 300;
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern HALF = Pattern.compile("([上下])半年");
    /** Self-references of the writer, most local first: 我县 or 全区 before 全市. */
    private static final List<LevelCue> LEVELS = List.of(
            new LevelCue("institution", Pattern.compile("我园|全园|本园|我校|全校|本校")),
            new LevelCue("county", Pattern.compile("我县|全县|本县|县委|我区|全区|区委|县教|区教|县科|县体")),
            new LevelCue("city", Pattern.compile("我市|全市(?!第)|市委|市教育局")),
            new LevelCue("province", Pattern.compile("我省|全省(?!第)|省委|省教育厅")));

    private record LevelCue(String level, Pattern cue) {
    }

    public List<ReportSegment> segment(String text) {
        List<int[]> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Matcher part = PART.matcher(text);
        while (part.find()) {
            parts.add(new int[] {part.start(), part.end()});
            labels.add("篇" + (part.group(1) != null ? part.group(1) : part.group(2)));
        }
        List<ReportSegment> segments = new ArrayList<>();
        if (parts.isEmpty()) {
            segments.add(segment(text, null, 0, 0, text.length()));
            return segments;
        }
        for (int i = 0; i < parts.size(); i++) {
            int end = i + 1 < parts.size() ? parts.get(i + 1)[0] : text.length();
            segments.add(segment(text, labels.get(i), parts.get(i)[0], parts.get(i)[1], end));
        }
        return segments;
    }

    private ReportSegment segment(String text, String label, int start, int bodyStart, int end) {
        String opening = text.substring(bodyStart, Math.min(end, bodyStart + OPENING));
        String title = title(text, bodyStart, end);
        String about = (title == null ? "" : title) + opening;
        return new ReportSegment(label, title, level(about), period(about), start, end, new SectionTree(headings(text, bodyStart, end)));
    }

    /** The first line when it is short and not a sentence: how collections title their parts. */
    private static String title(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0 || lineEnd > end) {
            lineEnd = end;
        }
        String line = text.substring(i, lineEnd).strip();
        return line.isEmpty() || line.length() > MAX_TITLE * 2 || line.contains("。") ? null : line;
    }

    private static String level(String about) {
        String found = null;
        int earliest = Integer.MAX_VALUE;
        for (LevelCue cue : LEVELS) {
            Matcher m = cue.cue().matcher(about);
            if (m.find() && m.start() < earliest) {
                earliest = m.start();
                found = cue.level();
            }
        }
        return found;
    }

    private static String period(String about) {
        Matcher year = YEAR.matcher(about);
        if (!year.find()) {
            return null;
        }
        Matcher half = HALF.matcher(about);
        if (half.find() && half.start() == year.end()) {
            return year.group(1) + ("上".equals(half.group(1)) ? "S1" : "S2");
        }
        return year.group(1);
    }

    private static List<Heading> headings(String text, int from, int to) {
        List<Heading> found = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        Matcher m = HEADING.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            String style = style(m);
            int number = number(m);
            boolean atBoundary = m.start() == from || BOUNDARY.indexOf(text.charAt(m.start() - 1)) >= 0;
            // 一、 and 一是 inside running text are words (统一、, 之一是); the bracketed and Arabic styles are not
            if ("cn".equals(style) && !atBoundary || "shi".equals(style) && !atBoundary && text.charAt(m.start() - 1) != '，') {
                continue;
            }
            Open same = find(stack, style);
            int expected = same == null ? 1 : same.number + 1;
            if (number <= 0 || !atBoundary && number != expected) {
                continue;
            }
            if (same != null) {
                while (stack.peek() != same) {
                    stack.pop();
                }
                stack.pop();
            }
            stack.push(new Open(style, number, m.group()));
            found.add(new Heading(style, number, stack.size() - 1, m.group(), headingTitle(text, m.end(), to), path(stack), m.start(), to));
        }
        return closeRanges(found, to);
    }

    /**
     * Each heading covers the text up to the next heading at its depth or above; its title stops where the next
     * heading begins ((一)名校建设1.推进… in running text).
     */
    private static List<Heading> closeRanges(List<Heading> headings, int to) {
        List<Heading> closed = new ArrayList<>(headings.size());
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            if (i + 1 < headings.size()) {
                h = h.withTitleBefore(headings.get(i + 1).start());
            }
            int end = to;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).depth() <= h.depth()) {
                    end = headings.get(j).start();
                    break;
                }
            }
            closed.add(h.withEnd(end));
        }
        return closed;
    }

    private static String headingTitle(String text, int from, int to) {
        int end = from;
        int limit = Math.min(to, from + MAX_TITLE);
        while (end < limit && "。!?;；\n(".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(from, end).strip();
    }

    private static String path(Deque<Open> stack) {
        StringBuilder path = new StringBuilder();
        Iterator<Open> outermostFirst = stack.descendingIterator();
        while (outermostFirst.hasNext()) {
            path.append(path.isEmpty() ? "" : "/").append(outermostFirst.next().label);
        }
        return path.toString();
    }

    private static Open find(Deque<Open> stack, String style) {
        for (Open open : stack) {
            if (open.style.equals(style)) {
                return open;
            }
        }
        return null;
    }

    private static String style(Matcher m) {
        if (m.group("cn") != null) {
            return "cn";
        }
        if (m.group("pcn") != null) {
            return "pcn";
        }
        if (m.group("ar") != null) {
            return "ar" + m.group("arsep");
        }
        return m.group("par") != null ? "par" : "shi";
    }

    private static int number(Matcher m) {
        for (String group : List.of("cn", "pcn", "ar", "par", "shi")) {
            String digits = m.group(group);
            if (digits != null) {
                java.math.BigDecimal value = NumberFinder.parse(digits);
                return value == null ? 0 : value.intValue();
            }
        }
        return 0;
    }

    private record Open(String style, int number, String label) {
    }
}
