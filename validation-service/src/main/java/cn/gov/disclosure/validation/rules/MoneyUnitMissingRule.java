package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.Cell;

/**
 * MONEY-UNIT-MISSING (added): a non-zero amount in a column whose label states no unit (2019: 采购总金额) and whose
 * cell states none either — the amount cannot be read (seed 001: 438754, 元 or 万元?). The unit is never guessed.
 */
final class MoneyUnitMissingRule extends CellRule {

    MoneyUnitMissingRule() {
        super(
                RuleInfo.of(
                        "MONEY-UNIT-MISSING",
                        Severity.WARNING,
                        "金额未注明单位（模板未规定单位时，报告须写明元或万元）",
                        "An amount states no unit where the template fixes none"),
                c -> c.kind() == ValueKind.MONEY && c.unit() == null);
    }

    @Override
    protected boolean suspect(Cell cell) {
        return cell.unit() == null && cell.value().signum() != 0;
    }

    @Override
    protected void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out) {
        if (column.kind() == ValueKind.MONEY
                && column.unit() == null
                && cell.unit() == null
                && cell.value().signum() != 0) {
            out.report(
                    info,
                    at(table, row, column),
                    null,
                    cell.value(),
                    Labels.cellZh(table, row, column) + "为 " + cell.value().toPlainString() + "，未注明单位（元或万元）",
                    Labels.cellEn(table, row, column) + " is " + cell.value().toPlainString() + " without a unit");
        }
    }
}
