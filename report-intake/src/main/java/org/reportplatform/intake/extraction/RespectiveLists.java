package org.reportplatform.intake.extraction;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 在园幼儿、在校生分别为1.2万人、3.5万人: the numbers after 分别 belong, in order, to the items listed before it. Only
 * a list of as many items as numbers, none of them a number itself, is read so; anything else is left as it is.
 */
final class RespectiveLists {

    private static final String RESPECTIVELY = "分别";
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[、和及与]");
    private static final int MIN_ITEMS = 2;

    /** The item each number after a 分别 is about, by the number's normalised start. */
    Map<Integer, String> items(String text, List<NumberMention> numbers) {
        Map<Integer, String> items = new HashMap<>();
        for (int at = text.indexOf(RESPECTIVELY); at >= 0; at = text.indexOf(RESPECTIVELY, at + 1)) {
            List<String> listed = Arrays.stream(ITEM_SEPARATOR.split(text.substring(Clauses.clauseStart(text, at), at)))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .toList();
            int sentenceEnd = Clauses.sentenceEnd(text, at);
            int from = at;
            List<NumberMention> following = numbers.stream().filter(n -> n.start() > from && n.start() < sentenceEnd).toList();
            boolean readable = listed.size() >= MIN_ITEMS && listed.size() == following.size()
                    && listed.stream().noneMatch(item -> item.chars().anyMatch(Character::isDigit));
            if (readable) {
                for (int i = 0; i < listed.size(); i++) {
                    items.put(following.get(i).start(), listed.get(i));
                }
            }
        }
        return items;
    }
}
