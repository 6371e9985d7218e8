package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NarrativeTest {

    private static List<Narrative.Count> counts(String text) {
        return Narrative.counts(text, 0, text.length(), Narrative.COUNT_UNITS);
    }

    @Test
    void countsAreNumbersWithTheirMeasureWord() {
        var c = counts("我镇在信息公开平台上累计主动公开信息91条，全文电子化率100%。报道 1777 篇");
        assertThat(c).extracting(x -> x.value().intValue()).containsExactly(91, 1777);
        assertThat(c).extracting(Narrative.Count::unit).containsExactly('条', '篇');
    }

    @Test
    void chineseAndFullWidthNumeralsCount() {
        assertThat(counts("共受理申请二十三件、１２件、两项"))
                .extracting(x -> x.value().intValue())
                .containsExactly(23, 12, 2);
    }

    @Test
    void ordinalsRatesAndAdjectivesAreNotCounts() {
        assertThat(counts("根据第二十条第（一）项，每5条一次性告知")).isEmpty();
    }

    @Test
    void approximateFiguresAreMarked() {
        var c = counts("发放宣传单 2 万余份，宣传手册2,500余册，消息700余条，约30件，50条左右");
        assertThat(c).extracting(x -> x.value().intValue()).containsExactly(20000, 700, 30, 50);
        assertThat(c).allMatch(Narrative.Count::approximate);
        assertThat(counts("共30件")).noneMatch(Narrative.Count::approximate);
    }

    @Test
    void percentagesKeepTheirDecimals() {
        String text = "占10.99%；占4.4％，百分之十，１０．５％";
        var p = Narrative.percents(text, 0, text.length());
        assertThat(p).extracting(x -> x.value().toPlainString()).containsExactly("10.99", "4.4", "10", "10.5");
        assertThat(p).extracting(Narrative.Percent::decimals).containsExactly(2, 1, 0, 1);
    }

    @Test
    void sentencesAndClauses() {
        String text = "一是甲。二是乙，丙；丁\n戊";
        int i = text.indexOf('丙');
        assertThat(text.substring(Narrative.clauseStart(text, i), Narrative.clauseEnd(text, i)))
                .isEqualTo("丙");
        assertThat(text.substring(Narrative.sentenceStart(text, i), Narrative.sentenceEnd(text, i)))
                .isEqualTo("二是乙，丙；丁");
        assertThat(Narrative.sentenceAt(text, i, i + 1)).isEqualTo("二是乙，丙；丁");
    }

    @Test
    void otherYearsAreRecognised() {
        String text = "2019年共收到申请3件";
        assertThat(Narrative.mentionsOtherYear(text, 0, text.length(), 2020)).isTrue();
        assertThat(Narrative.mentionsOtherYear(text, 0, text.length(), 2019)).isFalse();
        String spaced = "2020 年，我镇共收到申请3件";
        assertThat(Narrative.mentionsOtherYear(spaced, 0, spaced.length(), 2020))
                .isFalse();
        assertThat(Narrative.mentionsOtherYear(spaced, 0, spaced.length(), 2021))
                .isTrue();
    }
}
