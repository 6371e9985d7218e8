package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One table cell as the report states it: a number, and for money the unit the report wrote (万元 in the label,
 * 元 in the cell). The unit is never guessed: {@code null} means the report did not say.
 * In JSON a cell without a unit is a plain number; with a unit it is {@code {"value": 0, "unit": "元"}}.
 */
@JsonSerialize(using = Cell.Serializer.class)
@JsonDeserialize(using = Cell.Deserializer.class)
public record Cell(BigDecimal value, String unit) {

    public Cell {
        Objects.requireNonNull(value, "value");
        value = normalise(value);
        if (unit != null && unit.isBlank()) {
            unit = null;
        }
    }

    /** One representation per number ({@code 0}, {@code 0.0} and {@code 0.00} are the same cell), never exponent form. */
    private static BigDecimal normalise(BigDecimal v) {
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = v.stripTrailingZeros();
        // an absurd exponent (1e100000000) is left as it is rather than expanded into a hundred million digits
        return s.scale() < 0 && s.scale() >= -40 ? s.setScale(0) : s;
    }

    public static Cell of(long value) {
        return new Cell(BigDecimal.valueOf(value), null);
    }

    public static Cell of(String value) {
        return new Cell(new BigDecimal(value), null);
    }

    public static Cell money(String value, String unit) {
        return new Cell(new BigDecimal(value), unit);
    }

    public boolean isWholeNumber() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    @Override
    public String toString() {
        return unit == null ? value.toPlainString() : value.toPlainString() + unit;
    }

    static final class Serializer extends StdSerializer<Cell> {
        Serializer() {
            super(Cell.class);
        }

        @Override
        public void serialize(Cell cell, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (cell.unit() == null) {
                gen.writeNumber(cell.value());
            } else {
                gen.writeStartObject();
                gen.writeNumberField("value", cell.value());
                gen.writeStringField("unit", cell.unit());
                gen.writeEndObject();
            }
        }
    }

    /**
     * The largest magnitude a cell may state: no count of a report and no amount in 元 comes near 10^15, and a
     * figure like 1e999999 would cost the services dearly to add up or store.
     */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);

    /** The most decimal places a cell may have (money in 万元 uses 2 to 4). */
    public static final int MAX_SCALE = 6;

    /**
     * Whether a figure can stand in a cell: below {@link #MAX_MAGNITUDE}, at most {@link #MAX_SCALE} decimals. Where a
     * report is read (JSON here, the importer's text and .docx) an implausible figure is refused, never stored.
     */
    public static boolean isPlausible(BigDecimal v) {
        // the exponent first: precision() of 1e999999 is cheap, its expansion is not
        return v.precision() - v.scale() <= 16
                && v.abs().compareTo(MAX_MAGNITUDE) < 0
                && v.stripTrailingZeros().scale() <= MAX_SCALE;
    }

    static final class Deserializer extends StdDeserializer<Cell> {
        Deserializer() {
            super(Cell.class);
        }

        @Override
        public Cell deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Cell(plausible(p, p.getDecimalValue()), null);
            }
            if (token == JsonToken.START_OBJECT) {
                JsonNode node =
                        ctxt.readTree(p); // not p.readValueAsTree(): that checks for trailing tokens mid-document
                JsonNode value = node.get("value");
                JsonNode unit = node.get("unit");
                if (value == null || !value.isNumber()) {
                    throw MismatchedInputException.from(
                            p, Cell.class, "a cell object needs a numeric 'value' / 单元格对象须有数值 value");
                }
                if (unit != null && !unit.isNull() && !unit.isTextual()) {
                    throw MismatchedInputException.from(p, Cell.class, "a cell 'unit' must be text / 单位须为文本");
                }
                return new Cell(
                        plausible(p, value.decimalValue()), unit == null || unit.isNull() ? null : unit.asText());
            }
            throw MismatchedInputException.from(
                    p, Cell.class, "a cell must be a number or {\"value\": number, \"unit\": text} / 单元格须为数字");
        }

        private static BigDecimal plausible(JsonParser p, BigDecimal v) throws MismatchedInputException {
            if (!isPlausible(v)) {
                throw MismatchedInputException.from(
                        p,
                        Cell.class,
                        "a cell's value must be below 10^15 with at most " + MAX_SCALE
                                + " decimals / 单元格数值过大或小数位数过多（须小于 10 的 15 次方，小数不超过 " + MAX_SCALE + " 位）");
            }
            return v;
        }
    }
}
