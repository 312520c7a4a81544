package org.reportplatform.intake.extraction;

import cn.hutool.core.convert.NumberChineseFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.intake.domain.Numbers;

/**
 * Third stage: every number with a unit (or a magnitude, or a rank), in Arabic or Chinese
 * numerals, with its qualifier, and every placeholder standing for a withheld number. Numbers without a unit are
 * years, dates, document numbers, headings or names and are left out; so are editions (第46届), slogans (“五个一”,
 * 1+6+N) and class names (大一班).
 */
public final class NumberFinder {

    private static final String ARABIC = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final String CHINESE = "[零〇一二两三四五六七八九十百千万亿]+";
    private static final String PLACEHOLDER = "[Xx×]{1,3}|\\*{2,}|_{2,}";
    private static final Pattern WITHHELD = Pattern.compile(PLACEHOLDER);
    private static final Pattern DIGIT_NUMERAL = Pattern.compile("[一二两三四五六七八九]");
    private static final String ONE = "(?:" + ARABIC + "|" + CHINESE + "|" + PLACEHOLDER + ")";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\dA-Za-z.])(?<num>" + ONE + ")(?:(?:[-~至到—])(?<to>" + ONE + "))?"
                    + "(?<approx1>余|多)?(?<mag>" + Units.MAGNITUDE + ")?(?<approx2>余|多)?"
                    + "(?<unit>" + Units.PATTERN + ")?(?<suffix>以上|以下|左右|上下|以内|之内)?");
    /** 百分之九十, 百分之三点五: a percentage written out in words. */
    private static final Pattern PERCENT_IN_WORDS = Pattern.compile("百分之(?<num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)");
    /** 生机比 12:1 and the like; a time of day (10:30) does not end in :1. */
    private static final Pattern RATIO = Pattern.compile("(?<![\\d.:])(?<num>\\d+(?:\\.\\d+)?):1(?![\\d.:])");

    private static final Map<String, Qualifier> PREFIXES = Map.ofEntries(
            Map.entry("将近", Qualifier.APPROXIMATE), Map.entry("接近", Qualifier.APPROXIMATE),
            Map.entry("大约", Qualifier.APPROXIMATE), Map.entry("近", Qualifier.APPROXIMATE),
            Map.entry("约", Qualifier.APPROXIMATE), Map.entry("逾", Qualifier.AT_LEAST),
            Map.entry("超过", Qualifier.AT_LEAST), Map.entry("超", Qualifier.AT_LEAST),
            Map.entry("不少于", Qualifier.AT_LEAST), Map.entry("不低于", Qualifier.AT_LEAST),
            Map.entry("至少", Qualifier.AT_LEAST), Map.entry("不超过", Qualifier.AT_MOST),
            Map.entry("不足", Qualifier.AT_MOST), Map.entry("不到", Qualifier.AT_MOST), Map.entry("最多", Qualifier.AT_MOST),
            Map.entry("最高", Qualifier.AT_MOST), Map.entry("突破", Qualifier.AT_LEAST), Map.entry("最少", Qualifier.AT_LEAST),
            Map.entry("上", Qualifier.AT_LEAST));
    private static final Map<String, Qualifier> SUFFIXES = Map.of(
            "以上", Qualifier.AT_LEAST, "以下", Qualifier.AT_MOST, "以内", Qualifier.AT_MOST, "之内", Qualifier.AT_MOST,
            "左右", Qualifier.APPROXIMATE, "上下", Qualifier.APPROXIMATE);
    private static final int LONGEST_PREFIX = 3;
    /** Words before 第N that make it a rank rather than an edition or an ordinal. */
    private static final Pattern RANK_CONTEXT = Pattern.compile("列|位居|居|排名|排|名列|进入|跻身|获|占|位于");
    private static final int RANK_CONTEXT_REACH = 8;
    /** 获全国第26届…奖: an edition, though 获 comes before it. */
    private static final Pattern EDITION = Pattern.compile("届|次|期|批|季|轮|版|号|回");
    private static final int QUOTE_REACH = 10;
    private static final Pattern THRESHOLD_FOLLOWER = Pattern.compile("\\d|人数|的|超大|学生|考生");
    private static final Pattern COLLECTION = Pattern.compile("总结|汇报|报告|模板|范文|材料|心得|体会|计划|共|\\(");
    private static final int COLLECTION_REACH = 6;
    /** 六个方面, 三个环节: how a report is organised, not what it reports. */
    private static final Pattern STRUCTURE = Pattern.compile("方面|方向|层面|环节|维度|阶段|步骤");
    private static final int MAX_DIGITS = 13;
    private static final String DIGITS_IN_WORDS = "零一二三四五六七八九";
    private static final Set<String> ROUND_FIGURES = Set.of("百", "千", "万");
    private static final int NAME_REPEATS = 3;

    public List<NumberMention> find(String text) {
        List<NumberMention> found = new ArrayList<>();
        Map<String, Integer> chineseSpellings = new HashMap<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            NumberMention mention = read(text, m);
            if (mention != null) {
                found.add(mention);
                if (mention.chineseNumeral()) {
                    chineseSpellings.merge(spelling(text, mention), 1, Integer::sum);
                }
            }
        }
        // 五家渠, 二十六中: a Chinese numeral that recurs with the same character after it is a name, not a count
        found.removeIf(n -> n.chineseNumeral() && chineseSpellings.get(spelling(text, n)) >= NAME_REPEATS);
        Matcher ratio = RATIO.matcher(text);
        while (ratio.find()) {
            found.add(whole(ratio, new BigDecimal(ratio.group("num")), ":1", false));
        }
        Matcher percent = PERCENT_IN_WORDS.matcher(text);
        while (percent.find()) {
            BigDecimal value = percentInWords(percent.group("num"));
            if (value != null && !isSloganOrName(text, percent, "%")) {
                found.add(whole(percent, value, "%", true));
            }
        }
        found.sort(java.util.Comparator.comparingInt(NumberMention::start));
        return found;
    }

    /** A number whose match is all of it: no magnitude, qualifier or range. */
    private static NumberMention whole(Matcher m, BigDecimal value, String unit, boolean chinese) {
        return new NumberMention(m.start(), m.end(), m.start(), m.end(), value, null, unit, value, unit, Qualifier.EXACT,
                false, null, chinese);
    }

    /** 九十 → 90, 三点五 → 3.5, 百 → 100. */
    private static BigDecimal percentInWords(String words) {
        String[] parts = words.split("点");
        BigDecimal whole = parse(parts[0].equals("百") ? "一百" : parts[0]);
        if (whole == null || parts.length == 1) {
            return whole;
        }
        StringBuilder decimals = new StringBuilder();
        for (char digit : parts[1].replace('〇', '零').toCharArray()) {
            decimals.append(DIGITS_IN_WORDS.indexOf(digit));
        }
        return new BigDecimal(whole.toPlainString() + "." + decimals);
    }

    private static String spelling(String text, NumberMention mention) {
        return text.substring(mention.numberStart(), Math.min(text.length(), mention.end() + 1));
    }

    private static NumberMention read(String text, Matcher m) {
        String number = m.group("num");
        String magnitude = m.group("mag");
        String unit = m.group("unit");
        boolean placeholder = WITHHELD.matcher(number).matches();
        boolean chinese = !placeholder && !Character.isDigit(number.charAt(0));
        boolean rank = m.start() > 0 && text.charAt(m.start() - 1) == '第';
        if (rank && (!hasRankContext(text, m.start() - 1) || EDITION.matcher(text).region(m.end("num"), text.length()).lookingAt())) {
            return null;
        }
        if (chinese && magnitude == null && number.length() > 1 && (number.endsWith("万") || number.endsWith("亿"))) {
            magnitude = number.substring(number.length() - 1);
            number = number.substring(0, number.length() - 1);
        }
        if (!rank && unit == null && magnitude == null && !(placeholder && isStatedBare(text, m))) {
            return null;
        }
        if (chinese && !plausibleChinese(number, magnitude, m.group("approx1"), unit, text, m)) {
            return null;
        }
        if (isSloganOrName(text, m, unit) || isThreshold(text, m) || isCollectionSize(text, m, unit) || isRoundTheClock(number, unit)) {
            return null;
        }
        Qualifier qualifier = qualifier(text, m);
        String writtenUnit = Units.written(magnitude, unit);
        if (placeholder) {
            return new NumberMention(qualifierStart(text, m.start()), m.end(), m.start(), m.end("num"), null, null,
                    writtenUnit, null, baseUnit(unit), qualifier, rank, number, false);
        }
        BigDecimal value = parse(number);
        if (value == null) {
            return null;
        }
        BigDecimal to = m.group("to") == null || WITHHELD.matcher(m.group("to")).matches() ? null : parse(m.group("to"));
        return new NumberMention(qualifierStart(text, m.start()), m.end(), m.start(), m.end("num"), value, to, writtenUnit,
                Numbers.canonical(value.multiply(Units.magnitude(magnitude))), baseUnit(unit), qualifier, rank, null, chinese);
    }

    private static String baseUnit(String unit) {
        return Units.canonical(unit);
    }

    static BigDecimal parse(String number) {
        if (Character.isDigit(number.charAt(0))) {
            String digits = number.replace(",", "");
            return digits.replace(".", "").length() > MAX_DIGITS ? null : new BigDecimal(digits);
        }
        String numeral = ROUND_FIGURES.contains(number) ? "一" + number : number.replace('〇', '零');
        try {
            return BigDecimal.valueOf(NumberChineseFormatter.chineseToNumber(numeral));
        } catch (RuntimeException notANumeral) {
            return null;
        }
    }

    /**
     * Chinese numerals hide in words: 一 is mostly an article (一所学校, 一批), 十分 means "very", 千家万户 and 万人
     * are idioms, 中二班 is a class, 三元 a school's name.
     */
    private static boolean plausibleChinese(String number, String magnitude, String approx, String unit, String text, Matcher m) {
        if (!DIGIT_NUMERAL.matcher(number).find() && !number.startsWith("十") && !isRoundFigure(number, text, m.start())) {
            return false;
        }
        if (number.equals("一") && magnitude == null && approx == null) {
            return false;
        }
        // 十分重视 is "very"; 三期项目 is a phase; 一本, 二本 are gaokao tiers
        if ("分".equals(unit) || "期".equals(unit) || "本".equals(unit)) {
            return false;
        }
        // 三元实验学校: money in Chinese numerals comes with a magnitude (三万元) or ends the phrase
        if ("元".equals(unit) && magnitude == null && m.end() < text.length() && Normaliser.isHan(text.charAt(m.end()))) {
            return false;
        }
        return !("班".equals(unit) && m.start() > 0 && "大中小".indexOf(text.charAt(m.start() - 1)) >= 0);
    }

    /** 上百人次, 近千人, 逾万元: a round figure written as its magnitude alone, after a word that makes it a number. */
    private static boolean isRoundFigure(String number, String text, int start) {
        return ROUND_FIGURES.contains(number) && start > 0 && "上近逾".indexOf(text.charAt(start - 1)) >= 0;
    }

    private static boolean hasRankContext(String text, int ordinal) {
        int from = Math.max(0, ordinal - RANK_CONTEXT_REACH);
        String before = text.substring(from, ordinal);
        int sentenceStart = Math.max(before.lastIndexOf('。'), Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')));
        return RANK_CONTEXT.matcher(before.substring(sentenceStart + 1)).find();
    }

    /** 24小时值班, 24小时开放: round the clock, not a duration measured. */
    private static boolean isRoundTheClock(String number, String unit) {
        return "小时".equals(unit) && "24".equals(number);
    }

    /** 工作总结5篇, 汇报模板(10篇): how many documents a collection holds, not a figure they report. */
    private static boolean isCollectionSize(String text, Matcher m, String unit) {
        if (!"篇".equals(unit)) {
            return false;
        }
        String before = text.substring(Math.max(0, m.start() - COLLECTION_REACH), m.start());
        return COLLECTION.matcher(before).find();
    }

    /** 比重达X；: a placeholder without a unit still stands for a number when a verb states it and the clause ends. */
    private static boolean isStatedBare(String text, Matcher m) {
        boolean stated = m.start() > 0 && "达为是".indexOf(text.charAt(m.start() - 1)) >= 0;
        return stated && (m.end() == text.length() || "，,；;。\n".indexOf(text.charAt(m.end())) >= 0);
    }

    /** 600分以上16人, 600分以上人数: the bound of a group that the next number counts, not a fact of its own. */
    private static boolean isThreshold(String text, Matcher m) {
        return m.group("suffix") != null && THRESHOLD_FOLLOWER.matcher(text).region(m.end(), text.length()).lookingAt();
    }

    /** Inside a short quotation (“三名”工程, “五个一”), joined by + (1+6+N), or 五个一-style counting of slogans. */
    private static boolean isSloganOrName(String text, Matcher m, String unit) {
        int start = m.start();
        int end = m.end();
        if (start > 0 && text.charAt(start - 1) == '+' || end < text.length() && text.charAt(end) == '+') {
            return true;
        }
        if ("个".equals(unit) && (end + 1 < text.length() && "一二三四五六七八九".indexOf(text.charAt(end)) >= 0
                && text.charAt(end + 1) != '等' || STRUCTURE.matcher(text).region(end, text.length()).lookingAt())) {
            return true;
        }
        String before = text.substring(Math.max(0, start - QUOTE_REACH), start);
        String after = text.substring(end, Math.min(text.length(), end + QUOTE_REACH));
        return before.lastIndexOf('“') > before.lastIndexOf('”') && after.indexOf('”') >= 0;
    }

    private static Qualifier qualifier(String text, Matcher m) {
        String suffix = m.group("suffix");
        if (suffix != null) {
            return SUFFIXES.get(suffix);
        }
        Qualifier prefix = prefixAt(text, m.start());
        if (prefix != null) {
            return prefix;
        }
        boolean approximate = m.group("approx1") != null || m.group("approx2") != null
                || m.group("mag") != null && (m.group("mag").contains("多") || m.group("mag").contains("余"));
        return approximate ? Qualifier.APPROXIMATE : Qualifier.EXACT;
    }

    private static Qualifier prefixAt(String text, int start) {
        for (int length = LONGEST_PREFIX; length >= 1; length--) {
            if (start - length >= 0) {
                Qualifier q = PREFIXES.get(text.substring(start - length, start));
                if (q != null) {
                    return q;
                }
            }
        }
        return null;
    }

    private static int qualifierStart(String text, int start) {
        for (int length = LONGEST_PREFIX; length >= 1; length--) {
            if (start - length >= 0 && PREFIXES.containsKey(text.substring(start - length, start))) {
                return start - length;
            }
        }
        return start;
    }
}
