package cn.gov.disclosure.review.summary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableSumsTest {

    @Test
    void everyCellOfTheTemplateIsTheSumOfTheMembersCells() {
        AnnualReport seed = GoldenSeeds.load(4);
        int year = seed.year();
        List<AnnualReport> reports = List.of(numbered(seed, 1), numbered(seed, 2), numbered(seed, 5));
        List<TableSums.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            members.add(new TableSums.Member("t" + i, "乡镇" + i, reports.get(i)));
        }
        TableSums.Summary s = TableSums.of(year, "晋江市（全县汇总）", members);

        assertThat(s.template()).isEqualTo(TemplateVersion.requiredFor(year));
        assertThat(s.members()).hasSize(3);
        int cells = 0;
        for (TableDef def : TemplateCatalogue.tables(s.template())) {
            TableSums.SummedTable t = s.tables().stream()
                    .filter(x -> x.id() == def.id())
                    .findFirst()
                    .orElseThrow();
            assertThat(t.rows()).hasSameSizeAs(def.rows());
            for (int r = 0; r < def.rows().size(); r++) {
                RowDef row = def.rows().get(r);
                for (int c = 0; c < row.columns().size(); c++) {
                    ColumnDef column = row.columns().get(c);
                    TableSums.SummedCell cell = t.rows().get(r).cells().get(c);
                    BigDecimal expected = BigDecimal.ZERO;
                    for (int m = 0; m < reports.size(); m++) {
                        BigDecimal own = inWan(
                                reports.get(m)
                                        .table(def.id())
                                        .cell(row.key(), column.key())
                                        .orElseThrow(),
                                column);
                        assertThat(cell.byMember().get(m)).isEqualByComparingTo(own);
                        expected = expected.add(own);
                    }
                    assertThat(expected).isPositive();
                    assertThat(cell.value())
                            .as("%s %s %s", def.id(), row.key(), column.key())
                            .isEqualByComparingTo(expected);
                    assertThat(s.asReport().table(def.id()).value(row.key(), column.key()))
                            .isEqualByComparingTo(expected);
                    cells++;
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
    }

    /** Every cell of the seed given a figure of its own: k·1000 + its position (money in hundredths). */
    private static AnnualReport numbered(AnnualReport r, int k) {
        int[] position = {0};
        List<ReportTable> tables = new java.util.ArrayList<>();
        for (ReportTable t : List.of(r.activeDisclosure(), r.applications(), r.reviewsAndLitigation())) {
            Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
            t.rows().forEach((row, cells) -> {
                Map<String, Cell> numbered = new LinkedHashMap<>();
                cells.forEach((col, c) -> {
                    BigDecimal v = BigDecimal.valueOf(k * 1000L + position[0]++);
                    numbered.put(col, new Cell(c.unit() == null ? v : v.movePointLeft(2), c.unit()));
                });
                rows.put(row, numbered);
            });
            tables.add(new ReportTable(rows));
        }
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                r.sections(),
                tables.get(0),
                tables.get(1),
                tables.get(2));
    }

    @Test
    void moneyInYuanIsSummedInWanYuanAndMoneyWithoutAUnitIsNotSummed() {
        TemplateVersion t = TemplateVersion.T2019;
        int year = 2020;
        TableDef table2 = TemplateCatalogue.table(t, TableId.ACTIVE_DISCLOSURE);
        RowDef feeRow = table2.rows().stream()
                .filter(r -> r.columns().stream().anyMatch(c -> c.kind() == ValueKind.MONEY))
                .findFirst()
                .orElseThrow();
        ColumnDef fee = feeRow.columns().stream()
                .filter(c -> c.kind() == ValueKind.MONEY)
                .findFirst()
                .orElseThrow();
        assertThat(fee.unit())
                .as("the 2019 template states no unit: the report must")
                .isNull();

        TableSums.Summary s = TableSums.of(
                year,
                "县",
                List.of(
                        withFee(year, t, feeRow, fee, Cell.money("12000", "元"), "甲镇"),
                        withFee(year, t, feeRow, fee, Cell.money("1.5", "万元"), "乙镇")));
        TableSums.SummedCell sum = cell(s, feeRow, fee);
        assertThat(sum.value()).isEqualByComparingTo("2.7");
        assertThat(sum.unit()).isEqualTo("万元");
        assertThat(sum.byMember()).containsExactly(new BigDecimal("1.2"), new BigDecimal("1.5"));

        TableSums.Summary unstated = TableSums.of(
                year,
                "县",
                List.of(
                        withFee(year, t, feeRow, fee, Cell.money("12000", "元"), "甲镇"),
                        withFee(year, t, feeRow, fee, new Cell(new BigDecimal("3"), null), "丙镇")));
        TableSums.SummedCell refused = cell(unstated, feeRow, fee);
        assertThat(refused.value()).as("never guessed").isNull();
        assertThat(refused.stoppedBy()).containsExactly("丙镇");
        assertThat(refused.stoppedBecauseZh()).contains("单位");
        assertThat(unstated.asReport().table(TableId.ACTIVE_DISCLOSURE).cell(feeRow.key(), fee.key()))
                .isEmpty();
    }

    @Test
    void aCellAMemberLacksHasNoTotalAndAnotherTemplateIsLeftOutByName() {
        AnnualReport seed = GoldenSeeds.load(4);
        int year = seed.year();
        TableDef t3 = TemplateCatalogue.table(seed.template(), TableId.APPLICATIONS);
        RowDef row = t3.rows().get(0);
        ColumnDef column = row.columns().get(0);
        Map<String, Map<String, Cell>> rows =
                new LinkedHashMap<>(seed.applications().rows());
        Map<String, Cell> first = new LinkedHashMap<>(rows.get(row.key()));
        first.remove(column.key());
        rows.put(row.key(), first);
        AnnualReport lacking = new AnnualReport(
                seed.organisationName(),
                year,
                seed.template(),
                seed.title(),
                seed.sections(),
                seed.activeDisclosure(),
                new ReportTable(rows),
                seed.reviewsAndLitigation());
        AnnualReport oldTemplate =
                new AnnualReport("丁镇", year, TemplateVersion.T2019, null, List.of(), null, null, null);

        TableSums.Summary s = TableSums.of(
                year,
                "县",
                List.of(
                        new TableSums.Member("a", "甲镇", seed),
                        new TableSums.Member("b", "乙镇", lacking),
                        new TableSums.Member("d", "丁镇", oldTemplate)));
        assertThat(s.members()).extracting(TableSums.Member::name).containsExactly("甲镇", "乙镇");
        assertThat(s.leftOut()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("丁镇");
            assertThat(l.reasonZh()).contains("不能合计");
        });
        TableSums.SummedCell c = cell(s, row, column);
        assertThat(c.value()).isNull();
        assertThat(c.stoppedBy()).containsExactly("乙镇");
        assertThat(c.byMember().get(1)).isNull();
    }

    private static TableSums.Member withFee(
            int year, TemplateVersion t, RowDef feeRow, ColumnDef fee, Cell cell, String name) {
        ReportTable table =
                ReportTable.builder().put(feeRow.key(), fee.key(), cell).build();
        return new TableSums.Member(name, name, new AnnualReport(name, year, t, null, List.of(), table, null, null));
    }

    private static TableSums.SummedCell cell(TableSums.Summary s, RowDef row, ColumnDef column) {
        return s.tables().stream()
                .flatMap(t -> t.rows().stream())
                .filter(r -> r.key().equals(row.key()))
                .flatMap(r -> r.cells().stream())
                .filter(c -> c.column().equals(column.key()))
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal inWan(Cell c, ColumnDef column) {
        if (column.kind() == ValueKind.MONEY && "元".equals(c.unit())) {
            return c.value().divide(BigDecimal.valueOf(10_000));
        }
        return c.value();
    }
}
