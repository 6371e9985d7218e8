package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "一, 1",
        "两, 2",
        "十, 10",
        "十五, 15",
        "二十, 20",
        "二十三, 23",
        "一百二十三, 123",
        "一百零五, 105",
        "一百一十, 110",
        "一百十, 110",
        "一千零五, 1005",
        "两千零二十, 2020",
        "一万二千三百四十五, 12345",
        "三万五千, 35000",
        "十万, 100000",
        "一亿二千万, 120000000",
        "〇, 0",
        "零, 0",
        "二〇二〇, 2020",
        "九一, 91",
        "壹佰贰拾叁, 123",
        "拾伍, 15",
        "十点五, 10.5",
        "四点四零, 4.40",
        "零点五, 0.5",
        "0, 0",
        "12, 12",
        "１２, 12",
        "９１, 91",
        "'2,500', 2500",
        "'1,000,000', 1000000",
        "10.99, 10.99",
        "4.40, 4.40",
        "１０．９９, 10.99",
        "2万, 20000",
        "1.5万, 15000",
        "2 万, 20000",
        "3亿, 300000000"
    })
    void parses(String text, String expected) {
        assertThat(ChineseNumbers.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"百", "万", "千五", "abc", "一二十", "'2,50'", "十十", "12件", "三安全"})
    void rejectsWhatIsNotOneNumber(String text) {
        assertThat(ChineseNumbers.parse(text)).isNull();
    }

    @Test
    void keepsTheDecimalsAsWritten() {
        assertThat(ChineseNumbers.numberAt("占4.40%", 1).decimals()).isEqualTo(2);
        assertThat(ChineseNumbers.numberAt("占4.4%", 1).decimals()).isEqualTo(1);
        assertThat(ChineseNumbers.numberAt("占11%", 1).decimals()).isZero();
    }

    @Test
    void findsEveryNumberInAText() {
        var found = ChineseNumbers.findAll("共收到申请三十件，其中自然人２８件、法人1件、其他一件，较上年增长1.5万");
        assertThat(found)
                .extracting(m -> m.value().stripTrailingZeros().toPlainString())
                .containsExactly("30", "28", "1", "1", "15000");
        assertThat(found.get(0).start()).isEqualTo(5);
        assertThat(found.get(0).end()).isEqualTo(7);
    }

    @Test
    void aListNumberIsNotADecimal() {
        var m = ChineseNumbers.numberAt("1.加强组织领导", 0);
        assertThat(m.value()).isEqualByComparingTo("1");
        assertThat(m.end()).isEqualTo(1);
    }

    @Test
    void digitsAreRecognisedInBothWidths() {
        for (char c = '0'; c <= '9'; c++) {
            assertThat(ChineseNumbers.arabicDigit(c)).isEqualTo(c - '0');
            assertThat(ChineseNumbers.arabicDigit((char) ('０' + (c - '0')))).isEqualTo(c - '0');
        }
        assertThat(ChineseNumbers.arabicDigit('a')).isEqualTo(-1);
    }
}
