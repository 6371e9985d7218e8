package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** How findings name things: always by the catalogue's official Chinese labels (and the stable keys in English). */
final class Labels {

    private Labels() {}

    /** A number as a reader writes it: {@code 12}, {@code 0.5}, never {@code 1E+1}. */
    static String num(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static String tableZh(TableDef t) {
        return "表" + t.id().number();
    }

    static String tableEn(TableDef t) {
        return "Table " + t.id().number();
    }

    /** The row as the reader sees it: its groups (RowDef.path) and its own label. */
    static String row(RowDef r) {
        return r.fullLabel();
    }

    /** The short name of a top-level row: its numeral (一、本年新收… → 一); other rows keep their label. */
    static String numeral(RowDef r) {
        String label = r.label();
        int i = label.indexOf('、');
        return r.path().isEmpty() && i > 0 ? label.substring(0, i) : label;
    }

    /** The column with the header group that disambiguates it (法人或其他组织—其他); plain label otherwise. */
    static String column(ColumnDef c) {
        List<String> header = c.headerPath();
        return header.size() >= 2 ? header.get(header.size() - 1) + "—" + c.label() : c.label();
    }

    /** 表3「{row label}」行「{column label}」列, e.g. the first applicant column of row 一. */
    static String cellZh(TableDef t, RowDef r, ColumnDef c) {
        return tableZh(t) + "「" + row(r) + "」行「" + column(c) + "」列";
    }

    /** Table 3 row newReceived, column naturalPerson. */
    static String cellEn(TableDef t, RowDef r, ColumnDef c) {
        return tableEn(t) + " row " + r.key() + ", column " + c.key();
    }

    static String rowZh(TableDef t, RowDef r) {
        return tableZh(t) + "「" + row(r) + "」行";
    }

    static String rowEn(TableDef t, RowDef r) {
        return tableEn(t) + " row " + r.key();
    }

    static String columnZh(TableDef t, ColumnDef c) {
        return tableZh(t) + "「" + column(c) + "」列";
    }

    static String columnEn(TableDef t, ColumnDef c) {
        return tableEn(t) + " column " + c.key();
    }

    /** 六、其他需要报告的事项. */
    static String section(SectionKey key) {
        return TemplateCatalogue.section(key).heading();
    }

    static String joinLabels(List<ColumnDef> columns) {
        return columns.stream().map(ColumnDef::label).collect(Collectors.joining("+"));
    }

    static String joinKeys(List<ColumnDef> columns) {
        return columns.stream().map(ColumnDef::key).collect(Collectors.joining(" + "));
    }
}
