package org.reportplatform.intake.extraction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The units and magnitude words reports write after numbers, and the base unit each normalises to. Persons are
 * written 人, 名 or 位 and compare as one; 人次 (person-times) never mixes with persons.
 */
final class Units {

    /** Written after a number, longest first so that 人次 wins over 人 and 个百分点 over 个. */
    static final String PATTERN = String.join("|",
            "个百分点", "百分点", "平方米", "平方公里", "平米", "m²", "㎡", "[人场厂户车架批辆台家航校班艘项件]次", "立方米", "台套", "课时",
            "学时", "公顷", "公里", "千米", "美元", "%", "‰", "元", "人(?![民均口才员])", "名(?![次额称誉列])", "位(?![于置列居])",
            "所(?![有以在属需得谓])", "个(?![别人性体案月星]|小时|工作日)", "家(?![长庭乡访])", "项(?![目])", "件", "次", "场(?![地馆所景])",
            "间", "台(?![阶])", "套", "班(?![子级主])", "册", "篇", "份", "部(?![门署分])", "种(?![植子])",
            "支(?![持部出援付])", "张", "块", "处(?![理])", "座", "栋", "辆", "起(?![草点来步])", "条", "门", "节(?![日约能省点奏目])",
            "户", "枚", "幅", "首", "棵", "株", "吨", "公斤", "克", "亩", "米", "天", "小时", "倍", "箱", "只(?![是有能要])", "期",
            "本(?![科地届校土])", "艘", "头", "组(?![织建成])", "队(?![伍员])", "瓦",
            "分(?![别之钟校布配析享类级批期会])",
            "金(?=\\d|牌|[、，,。;；)]|$)", "银(?=\\d|牌|[、，,。;；)]|$)", "铜(?=\\d|牌|[、，,。;；)]|$)");

    /** Magnitude words between a number and its unit; 个亿 is how speech says 亿. */
    static final String MAGNITUDE = "千万|百万|个多亿|个余亿|个亿|万|亿|千";

    private static final Map<String, BigDecimal> MAGNITUDES = Map.of(
            "千万", new BigDecimal("10000000"), "百万", new BigDecimal("1000000"), "个亿", new BigDecimal("100000000"),
            "个多亿", new BigDecimal("100000000"), "个余亿", new BigDecimal("100000000"),
            "万", new BigDecimal("10000"), "亿", new BigDecimal("100000000"), "千", new BigDecimal("1000"));

    private static final String RATIO = ":1";
    private static final Set<String> PERSONS = Set.of("人", "名", "位");
    private static final Set<String> MONEY = Set.of("元", "万元", "亿元", "千元");
    /** Counters of places and organisations, which the catalogue counts in 个; equipment (台, 套) is counted as such. */
    private static final Set<String> COUNTERS = Set.of("个", "所", "家", "项", "间", "处", "座");

    private Units() {
    }

    static BigDecimal magnitude(String word) {
        return word == null || word.isEmpty() ? BigDecimal.ONE : MAGNITUDES.get(word);
    }

    /** Spellings of one unit, as the reader reports it. */
    private static final Map<String, String> SPELLINGS = Map.of("m²", "平方米", "㎡", "平方米", "平米", "平方米");

    /** The unit as a reader should see it: 个亿 and 个多亿 are written 亿 (多 is a qualifier), m² 平方米. */
    static String written(String magnitude, String unit) {
        return (magnitude == null ? "" : magnitude.replaceAll("[个多余]", "")) + canonical(unit);
    }

    /** One spelling per unit: 平米 and m² are 平方米; none is empty. */
    static String canonical(String unit) {
        return unit == null ? "" : SPELLINGS.getOrDefault(unit, unit);
    }

    /**
     * Whether a value in {@code baseUnit} can stand for an indicator kept in {@code catalogueUnit}: the same unit,
     * persons as persons, money as money, a counter of places or organisations where the catalogue says 个.
     */
    static boolean compatible(String baseUnit, String catalogueUnit) {
        if (baseUnit.equals(catalogueUnit)) {
            return true;
        }
        if (PERSONS.contains(baseUnit) && PERSONS.contains(catalogueUnit)) {
            return true;
        }
        if ("元".equals(baseUnit) && MONEY.contains(catalogueUnit)) {
            return true;
        }
        // 生机比12:1 is 12 students per computer, kept as 人/台
        if (RATIO.equals(baseUnit) && catalogueUnit.contains("/")) {
            return true;
        }
        return COUNTERS.contains(baseUnit) && ("个".equals(catalogueUnit) || "个".equals(baseUnit) && COUNTERS.contains(catalogueUnit));
    }

    /** How many base units one catalogue unit holds: 10000 for 万元 against 元. */
    static BigDecimal catalogueFactor(String catalogueUnit) {
        return switch (catalogueUnit) {
            case "万元" -> MAGNITUDES.get("万");
            case "亿元" -> MAGNITUDES.get("亿");
            case "千元" -> MAGNITUDES.get("千");
            default -> BigDecimal.ONE;
        };
    }
}
