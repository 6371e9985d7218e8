package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.Cell;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** CELL-MONEY-SCALE: an amount has at most the decimals its column allows (本年收费金额（万元）: 4). */
final class CellMoneyScaleRule extends CellRule {

    CellMoneyScaleRule() {
        super(
                RuleInfo.of(
                        "CELL-MONEY-SCALE",
                        Severity.ERROR,
                        "金额的小数位数不得超过模板规定（本年收费金额以万元为单位，最多保留4位小数）",
                        "An amount must not have more decimals than the template allows (fees in 万元: at most 4)"),
                c -> c.kind() == ValueKind.MONEY && c.maxScale() >= 0);
    }

    @Override
    protected boolean suspect(Cell cell) {
        return cell.value().scale() > 0;
    }

    @Override
    protected void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out) {
        if (column.kind() != ValueKind.MONEY
                || column.maxScale() < 0
                || cell.value().signum() == 0) {
            return;
        }
        if (cell.value().scale() <= column.maxScale()) {
            return;
        }
        int scale = cell.value().stripTrailingZeros().scale();
        if (scale > column.maxScale()) {
            BigDecimal rounded = cell.value().setScale(column.maxScale(), RoundingMode.HALF_UP);
            out.report(
                    info,
                    at(table, row, column),
                    rounded,
                    cell.value(),
                    Labels.cellZh(table, row, column) + "最多保留" + column.maxScale() + "位小数，实为 "
                            + cell.value().toPlainString() + "（" + scale + "位）",
                    Labels.cellEn(table, row, column) + " allows at most " + column.maxScale() + " decimals, found "
                            + cell.value().toPlainString());
        }
    }
}
