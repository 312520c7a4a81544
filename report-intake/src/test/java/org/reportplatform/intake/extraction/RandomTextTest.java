package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;

/** Whatever text is posted, the reader answers, and every offset it gives lies inside the text. */
class RandomTextTest {

    private static final String ALPHABET = "0123456789０１２３,.，。、；:：()（）【】“”%％Xx*_ \n\u00a0\u3000"
            + "一二两三四五六七八九十百千万亿余多近约第篇是年月日号届元人名所个次亿万中小大班占比增长提高列全市县区"
            + "幼兒園學校數據萬億經費(jìn)会議?\uFFFD„‟+-~至";
    private static final int TEXTS = 300;
    private static final int MAX_LENGTH = 400;

    private static ExtractionPipeline pipeline;

    @BeforeAll
    static void build() {
        pipeline = new ExtractionPipeline(Catalogue.load());
    }

    @Test
    void randomTextNeverBreaksTheReader() {
        Random random = new Random(4);
        for (int i = 0; i < TEXTS; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(MAX_LENGTH);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String original = text.toString();
            ExtractionResult result = pipeline.extract(original);
            result.facts().forEach(f -> {
                assertThat(f.start()).isBetween(0, f.end());
                assertThat(f.end()).isLessThanOrEqualTo(original.length());
                assertThat(original.substring(f.start(), f.end())).isEqualTo(f.text());
                assertThat(f.numberStart()).isBetween(0, f.numberEnd());
            });
            result.reports().forEach(r -> assertThat(r.end()).isBetween(r.start(), original.length()));
        }
    }
}
