package org.reportplatform.intake.extraction;

import java.util.regex.Pattern;

/**
 * Lines a web page adds around a report: disclaimers, shop ads with QQ numbers, upload dates, "read on mobile",
 * links. They carry numbers that are no facts, so the reader never sees them.
 */
final class BoilerplateLines {

    private static final Pattern AD = Pattern.compile(
            "QQ|微信号|仅供(学习|参考|内部)|禁止外传|严禁外传|用后删除|本站|下载|手机阅读|小编|申明敬告|版权|免责|"
                    + "会员资料|上传|浏览次数|阅读次数|点击次数|相关推荐|上一篇|下一篇|返回首页|https?://|www\\.");
    private static final Pattern UPLOAD_DATE = Pattern.compile("^\\s*(时间|发布时间|日期|更新时间)\\s*[:：]\\s*\\d{4}");
    /** A long line is a report body that may mention 下载 or 版权 in passing; ads are short. */
    private static final int MAX_AD_LINE = 120;

    /** Marks the characters of every boilerplate line (its newline stays). */
    boolean[] mask(String text) {
        boolean[] skipped = new boolean[text.length()];
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (isBoilerplate(line)) {
                java.util.Arrays.fill(skipped, start, end, true);
            }
            start = end + 1;
        }
        return skipped;
    }

    static boolean isBoilerplate(String line) {
        return line.length() <= MAX_AD_LINE && (AD.matcher(line).find() || UPLOAD_DATE.matcher(line).find());
    }
}
