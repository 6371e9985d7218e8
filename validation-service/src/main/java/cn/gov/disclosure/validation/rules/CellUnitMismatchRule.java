package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.Cell;

/**
 * CELL-UNIT-MISMATCH (added): the cell states a unit other than the one the template's label fixes (e.g. 元 in the
 * 本年收费金额（单位：万元） column). The value is kept as written, never converted.
 */
final class CellUnitMismatchRule extends CellRule {

    CellUnitMismatchRule() {
        super(
                RuleInfo.of(
                        "CELL-UNIT-MISMATCH",
                        Severity.WARNING,
                        "单元格所注单位与模板规定的单位不一致",
                        "The unit a cell states differs from the unit the template fixes"),
                c -> c.unit() != null);
    }

    @Override
    protected boolean suspect(Cell cell) {
        return cell.unit() != null;
    }

    @Override
    protected void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out) {
        if (column.unit() != null && cell.unit() != null && !column.unit().equals(cell.unit())) {
            out.report(
                    info,
                    at(table, row, column),
                    null,
                    cell.value(),
                    Labels.cellZh(table, row, column) + "的单位应为" + column.unit() + "，报告写作「" + cell + "」",
                    Labels.cellEn(table, row, column) + " must be in " + column.unit() + ", the report writes " + cell);
        }
    }
}
