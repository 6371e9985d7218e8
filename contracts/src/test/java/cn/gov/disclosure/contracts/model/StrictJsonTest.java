package cn.gov.disclosure.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.disclosure.contracts.ContractsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the hostile-input run found: the JSON boundary refuses trailing garbage and implausible figures. */
class StrictJsonTest {

    @Test
    void aDocumentWithTrailingGarbageIsRefused() throws Exception {
        // a well-formed table followed by garbage: only the trailing-token check refuses it
        assertThatThrownBy(() ->
                        ContractsJson.mapper().readValue("{\"newReceived\":{\"total\":1}} garbage", ReportTable.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(ContractsJson.mapper()
                        .readValue("{\"newReceived\":{\"total\":1}}  ", ReportTable.class)
                        .value("newReceived", "total"))
                .isEqualByComparingTo("1");
        assertThatThrownBy(() -> ContractsJson.mapper().readValue("12 13", Cell.class))
                .hasMessageContaining("Trailing token");
    }

    @Test
    void cellsWithAUnitInsideADocumentAreStillRead() throws Exception {
        // a cell object is read in the middle of a document: the trailing-token check is for the document's end only
        ReportTable t = ContractsJson.mapper()
                .readValue(
                        "{\"procurement\": {\"amount\": {\"value\": 12.5, \"unit\": \"万元\"}, \"projects\": 3}}",
                        ReportTable.class);
        assertThat(t.cell("procurement", "amount")).contains(new Cell(new BigDecimal("12.5"), "万元"));
        assertThat(t.value("procurement", "projects")).isEqualByComparingTo("3");
    }

    @Test
    void plausibleFiguresAreRead() throws Exception {
        assertThat(ContractsJson.mapper().readValue("12", Cell.class).value()).isEqualByComparingTo("12");
        assertThat(ContractsJson.mapper().readValue("{\"value\": 4387.54, \"unit\": \"万元\"}", Cell.class))
                .isEqualTo(new Cell(new BigDecimal("4387.54"), "万元"));
        assertThat(ContractsJson.mapper()
                        .readValue("999999999999999", Cell.class)
                        .value())
                .isEqualByComparingTo("999999999999999");
        assertThat(ContractsJson.mapper().readValue("-3", Cell.class).value()).isEqualByComparingTo("-3");
    }

    @Test
    void theBoundIsOneRuleForEveryReader() {
        assertThat(Cell.isPlausible(new BigDecimal("999999999999999.5"))).isTrue();
        assertThat(Cell.isPlausible(new BigDecimal("1e15"))).isFalse();
        assertThat(Cell.isPlausible(new BigDecimal("1e999999"))).isFalse();
        assertThat(Cell.isPlausible(new BigDecimal("0.1234560"))).isTrue();
        assertThat(Cell.isPlausible(new BigDecimal("0.0000001"))).isFalse();
    }

    @Test
    void hugeOrOverPreciseFiguresAreRefusedWithAMessageInBothLanguages() {
        for (String json : new String[] {
            "1e999999",
            "1000000000000000",
            "-1e16",
            "9999999999999999999999999999999999999999",
            "{\"value\": 1e20, \"unit\": \"元\"}",
            "0.0000001",
            "1e-999999"
        }) {
            assertThatThrownBy(() -> ContractsJson.mapper().readValue(json, Cell.class))
                    .as(json)
                    .isInstanceOf(MismatchedInputException.class)
                    .hasMessageContaining("10 的 15 次方")
                    .hasMessageContaining("10^15");
        }
    }
}
