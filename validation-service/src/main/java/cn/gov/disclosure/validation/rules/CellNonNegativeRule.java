package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.Cell;
import java.math.BigDecimal;

/** CELL-NON-NEGATIVE: counts and money are ≥ 0; only a SIGNED_COUNT (本年增/减) may be negative. */
final class CellNonNegativeRule extends CellRule {

    CellNonNegativeRule() {
        super(
                RuleInfo.of(
                        "CELL-NON-NEGATIVE",
                        Severity.ERROR,
                        "数量和金额不得为负数（“本年增/减”除外）",
                        "Counts and amounts must not be negative (except 本年增/减)"),
                c -> c.kind() != ValueKind.SIGNED_COUNT);
    }

    @Override
    protected boolean suspect(Cell cell) {
        return cell.value().signum() < 0;
    }

    @Override
    protected void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out) {
        if (column.kind() != ValueKind.SIGNED_COUNT && cell.value().signum() < 0) {
            String what = column.kind() == ValueKind.MONEY ? "金额" : "数量";
            out.report(
                    info,
                    at(table, row, column),
                    BigDecimal.ZERO,
                    cell.value(),
                    Labels.cellZh(table, row, column) + "为" + what + "，不得为负数，实为 "
                            + cell.value().toPlainString(),
                    Labels.cellEn(table, row, column) + " must not be negative, found "
                            + cell.value().toPlainString());
        }
    }
}
