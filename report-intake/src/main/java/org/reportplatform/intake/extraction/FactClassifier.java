package org.reportplatform.intake.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fourth stage: decides what a number says (actual, target, change, rank, share), which phrase it is about and
 * which year it is stated for, from the words around it and the heading it stands under.
 */
public final class FactClassifier {

    private static final Pattern COMPARISON = Pattern.compile(
            "同比|环比|比上年|比去年|较上年|较去年|比上一年|较上一年|比上学期|较上学期|比(?:19|20)\\d{2}年|较(?:19|20)\\d{2}年|较往年|比往年");
    private static final Pattern CHANGE_VERB = Pattern.compile("增长|增加|提高|提升|上升|下降|减少|降低|净增|增幅|降幅|翻|多|少");
    /** Verbs that make the number right after them a change whatever precedes: 净增5所, 增长22%. */
    private static final Pattern DIRECT_CHANGE = Pattern.compile("(?:净增|净减|增幅为?|降幅为?|增长了?|下降了?|上涨了?|增长率为?|增速为?)$");
    /** 上升21.05%, 提高了5%: a percentage right after a verb of movement is the movement (提高到95% is a level). */
    private static final Pattern PERCENT_MOVE = Pattern.compile("(?:上升|提高|提升|减少|降低|增加|下降|增长|回落)了?$");
    private static final Pattern RANK_MOVE = Pattern.compile("(?:进步|前进|上升|提升|提高|后退|下降|退步)了?$");
    private static final Pattern SHARE = Pattern.compile("占|比重|占比");
    /** 计划 alone is mostly a noun (营养改善计划); 争取资金 is money obtained. */
    private static final Pattern TARGET = Pattern.compile("力争|确保|争取(?!到?(?:资金|专项|经费|项目|支持))|预计|拟|力求|将达到|要达到|努力实现"
            + "|计划(?:到|于|在|新增|新建|建设|投入|完成|实现|招|改|扩)");
    /** 目标 states a target only in the clause of the number (目标是…, 目标任务X个), not anywhere in a long sentence. */
    private static final Pattern TARGET_IN_CLAUSE = Pattern.compile("目标");
    /** A plan heading says so at its start; a long heading in running text may mention 工作思路 in passing. */
    private static final int PLAN_WORD_REACH = 12;
    /**
     * A heading that announces plans: 2021年工作计划, 下一步打算, 工作思路. A plan word alone is not enough (落实全民健身
     * 实施计划 reports what was done; 紧扣“立德树人”目标 is a motto).
     */
    private static final Pattern PLAN_SECTION = Pattern.compile(
            "(?:\\d{4}年|明年|今后|未来|下一?步|下阶段|来年).{0,8}(?:计划|思路|打算|安排|设想|目标|重点)|工作(?:计划|思路|打算|设想)|下一?步");
    private static final Pattern RESULT_SECTION = Pattern.compile("总结|成效|成绩|完成|情况|回顾|亮点|做法");
    /** 完成目标任务的200%: how far a target was reached, which is a fact of its own. */
    private static final Pattern TARGET_REACHED = Pattern.compile("完成[^，,。;；]{0,10}(?:目标|任务|计划)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    private static final String BASE_YEAR_MARKS = "比较于自从至到";
    private static final String[] TRAILING_FILLERS = {"共计", "合计", "累计", "总计", "共有", "现有", "达到", "分别为", "分别",
            "共", "计", "有", "达", "为", "是", "了", "已", "均", "总数", "约", "近", "超过", "逾", "不少于", "不低于"};
    private static final String[] LEADING_FILLERS = {"其中", "目前", "同时", "另外", "此外", "现在", "并", "已", "共", "和", "及"};
    private static final int MAX_SUBJECT = 24;
    private static final int MIN_SUBJECT = 2;

    public Classification classify(String text, NumberMention number, List<String> sectionTitles) {
        String phraseBefore = text.substring(Clauses.phraseStart(text, number.start()), number.start());
        String sentenceBefore = text.substring(Clauses.sentenceStart(text, number.start()), number.start());
        String clauseBefore = text.substring(Clauses.clauseStart(text, number.start()), number.start());
        return new Classification(kind(number, phraseBefore, clauseBefore, sentenceBefore, sectionTitles),
                subject(text, number, phraseBefore), period(sentenceBefore));
    }

    private static FactKind kind(NumberMention number, String phraseBefore, String clauseBefore, String sentenceBefore,
                                 List<String> sectionTitles) {
        if (number.rank()) {
            return FactKind.RANK;
        }
        String unit = number.baseUnit();
        boolean percent = unit.equals("%") || unit.equals("‰");
        boolean moved = percent && PERCENT_MOVE.matcher(phraseBefore).find()
                || (unit.equals("位") || unit.equals("名")) && RANK_MOVE.matcher(phraseBefore).find();
        if (unit.endsWith("百分点") || DIRECT_CHANGE.matcher(phraseBefore).find() || moved) {
            return FactKind.CHANGE;
        }
        Matcher comparison = COMPARISON.matcher(sentenceBefore);
        if (comparison.find() && CHANGE_VERB.matcher(sentenceBefore.substring(comparison.end())).find()) {
            return FactKind.CHANGE;
        }
        if (percent && SHARE.matcher(phraseBefore).find()) {
            return FactKind.SHARE;
        }
        boolean reached = TARGET_REACHED.matcher(phraseBefore).find();
        boolean aimed = TARGET.matcher(sentenceBefore).find() || TARGET_IN_CLAUSE.matcher(clauseBefore).find();
        if (!reached && (aimed || sectionTitles.stream().anyMatch(FactClassifier::isPlan))) {
            return FactKind.TARGET;
        }
        return FactKind.ACTUAL;
    }

    private static boolean isPlan(String title) {
        Matcher plan = PLAN_SECTION.matcher(title);
        return plan.find() && plan.start() < PLAN_WORD_REACH && !RESULT_SECTION.matcher(title).find();
    }

    /** The phrase before the number (在园幼儿 of 在园幼儿3000人), or after it when the number leads (3所新校). */
    private static String subject(String text, NumberMention number, String phraseBefore) {
        String before = trim(phraseBefore);
        if (before.length() >= MIN_SUBJECT) {
            return before.length() > MAX_SUBJECT ? before.substring(before.length() - MAX_SUBJECT) : before;
        }
        String after = trim(text.substring(number.end(), Clauses.phraseEnd(text, number.end())));
        return after.length() > MAX_SUBJECT ? after.substring(0, MAX_SUBJECT) : after;
    }

    private static String trim(String phrase) {
        String subject = phrase.strip();
        boolean changed = true;
        while (changed && !subject.isEmpty()) {
            changed = false;
            for (String filler : TRAILING_FILLERS) {
                if (subject.endsWith(filler)) {
                    subject = subject.substring(0, subject.length() - filler.length()).strip();
                    changed = true;
                }
            }
            for (String filler : LEADING_FILLERS) {
                if (subject.startsWith(filler)) {
                    subject = subject.substring(filler.length()).strip();
                    changed = true;
                }
            }
        }
        return subject;
    }

    /** The last year the sentence states before the number, unless it is a base of comparison (比2019年). */
    private static String period(String sentenceBefore) {
        Matcher year = YEAR.matcher(sentenceBefore);
        String found = null;
        while (year.find()) {
            if (year.start() == 0 || BASE_YEAR_MARKS.indexOf(sentenceBefore.charAt(year.start() - 1)) < 0) {
                found = year.group(1);
            }
        }
        return found;
    }
}
