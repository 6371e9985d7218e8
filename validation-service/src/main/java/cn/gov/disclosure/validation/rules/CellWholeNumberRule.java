package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.Cell;
import java.math.BigDecimal;

/** CELL-WHOLE-NUMBER: a count (ValueKind COUNT or SIGNED_COUNT) is a whole number. */
final class CellWholeNumberRule extends CellRule {

    CellWholeNumberRule() {
        super(
                RuleInfo.of("CELL-WHOLE-NUMBER", Severity.ERROR, "数量须为整数", "A count must be a whole number"),
                c -> c.kind() != ValueKind.MONEY);
    }

    @Override
    protected boolean suspect(Cell cell) {
        return cell.value().scale() > 0;
    }

    @Override
    protected void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out) {
        if (column.kind() != ValueKind.MONEY && !isWholeNumber(cell.value())) {
            out.report(
                    info,
                    at(table, row, column),
                    null,
                    cell.value(),
                    Labels.cellZh(table, row, column) + "为数量，应为整数，实为 "
                            + cell.value().toPlainString(),
                    Labels.cellEn(table, row, column) + " is a count and must be a whole number, found "
                            + cell.value().toPlainString());
        }
    }

    /** Like {@link Cell#isWholeNumber()}, without stripping zeros (an allocation) when the scale already says so. */
    static boolean isWholeNumber(BigDecimal v) {
        return v.scale() <= 0 || v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
