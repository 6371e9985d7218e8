package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.ColumnRole;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Test and benchmark helper: varied reports of both templates built from the golden seeds. A {@link #valid()} report
 * has random but consistent tables (Table 3 and 4 filled from the catalogue's roles), a narrative that agrees with
 * them, and sometimes a consistent previous year; an {@link #invalid()} one has one injected fault and the rule code
 * that must catch it.
 */
final class ReportGenerator {

    enum Fault {
        ROW_TOTAL("T3-ROW-TOTAL"),
        RESULT_TOTAL("T3-RESULT-TOTAL"),
        BALANCE("T3-BALANCE"),
        GROUP_TOTAL("T4-GROUP-TOTAL"),
        MISSING_CELL("CELL-MISSING"),
        NEGATIVE("CELL-NON-NEGATIVE"),
        FRACTION("CELL-WHOLE-NUMBER"),
        MISSING_SECTION("SECTION-MISSING"),
        SECTION_ORDER("SECTION-ORDER"),
        TEMPLATE("TEMPLATE-MISMATCH"),
        ORGANISATION("ORG-MISMATCH"),
        YEAR("YEAR-MISMATCH"),
        MISSING_TABLE("TABLE-MISSING"),
        NARRATIVE_APPLICATIONS("NARRATIVE-APPLICATIONS"),
        NARRATIVE_LITIGATION("NARRATIVE-LITIGATION"),
        BREAKDOWN("NARRATIVE-BREAKDOWN"),
        PERCENT("NARRATIVE-PERCENT"),
        RULES_AT_TOWNSHIP("RULES-AT-TOWNSHIP"),
        PREVIOUS_CARRIED_OVER("PREV-CARRIED-OVER"),
        FEE_NOT_STATED("FEE-NOT-STATED");

        final String code;

        Fault(String code) {
            this.code = code;
        }
    }

    record Generated(AnnualReport report, ValidationContext ctx, Fault fault) {}

    private static final List<AnnualReport> BASES =
            IntStream.range(0, 5).mapToObj(ReportEditor::golden).toList();

    private final Random rnd;

    ReportGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    Generated next() {
        return rnd.nextInt(3) == 0 ? invalid() : valid();
    }

    Generated valid() {
        ReportEditor e = consistent();
        AnnualReport r = e.build();
        ValidationContext ctx = Checks.township(r);
        if (rnd.nextBoolean()) {
            ctx = ctx.withPreviousYear(previousOf(r).build());
        }
        return new Generated(r, ctx, null);
    }

    Generated invalid() {
        Fault fault = Fault.values()[rnd.nextInt(Fault.values().length)];
        ReportEditor e = consistent();
        AnnualReport plain = e.build();
        Layout layout = Layout.of(plain);
        TemplateVersion t = plain.template();
        String expectedName = plain.organisationName();
        int expectedYear = plain.year();
        AnnualReport previous = null;
        TableDef t3 = layout.applications;
        switch (fault) {
            case ROW_TOTAL -> e.add(TableId.APPLICATIONS, pick(t3.rows()).key(), layout.applicationsTotal.key(), 1);
            case RESULT_TOTAL -> {
                RowDef row = pick(layout.results);
                e.add(TableId.APPLICATIONS, row.key(), pick(parts(row)).key(), 1);
                e.add(TableId.APPLICATIONS, row.key(), layout.applicationsTotal.key(), 1);
            }
            case BALANCE -> {
                ColumnDef col = pick(parts(layout.carriedForward));
                e.add(TableId.APPLICATIONS, layout.carriedForward.key(), col.key(), 1);
                e.add(TableId.APPLICATIONS, layout.carriedForward.key(), layout.applicationsTotal.key(), 1);
            }
            case GROUP_TOTAL -> {
                RowDef row = pick(layout.reviews.rows());
                e.add(
                        TableId.REVIEWS_AND_LITIGATION,
                        row.key(),
                        pick(parts(row)).key(),
                        1);
            }
            case MISSING_CELL -> {
                TableDef table = pick(layout.tables);
                RowDef row = pick(table.rows());
                e.removeCell(table.id(), row.key(), pick(row.columns()).key());
            }
            case NEGATIVE -> {
                RowDef row = pick(layout.results);
                e.cell(TableId.APPLICATIONS, row.key(), pick(parts(row)).key(), -1);
            }
            case FRACTION ->
                e.cell(
                        TableId.ACTIVE_DISCLOSURE,
                        layout.activeDisclosure.rows().get(1).key(),
                        layout.activeDisclosure.rows().get(1).columns().get(0).key(),
                        "1.5");
            case MISSING_SECTION -> e.removeSection(SectionKey.values()[rnd.nextInt(6)]);
            case SECTION_ORDER -> e.moveSection(SectionKey.OVERVIEW, 3);
            case TEMPLATE -> {
                int year = t == TemplateVersion.T2019 ? 2022 : 2020;
                e.year(year);
                expectedYear = year;
            }
            case ORGANISATION -> expectedName = "某某乡人民政府";
            case YEAR -> expectedYear = plain.year() + 1;
            case MISSING_TABLE -> e.removeTable(TableId.values()[rnd.nextInt(3)]);
            case NARRATIVE_APPLICATIONS ->
                e.appendText(
                        SectionKey.APPLICATIONS,
                        "本年度共收到政府信息公开申请"
                                + plain.applications()
                                        .value(layout.newReceived.key(), layout.applicationsTotal.key())
                                        .add(plain.applications()
                                                .value(layout.carriedOver.key(), layout.applicationsTotal.key()))
                                        .add(BigDecimal.ONE)
                                + "件。");
            case NARRATIVE_LITIGATION -> {
                RowDef row = layout.reconsiderationRows.get(0);
                e.add(
                        TableId.REVIEWS_AND_LITIGATION,
                        row.key(),
                        parts(row).get(0).key(),
                        1);
                e.add(TableId.REVIEWS_AND_LITIGATION, row.key(), layout.reviewsTotal.key(), 1);
                e.text(SectionKey.REVIEWS_AND_LITIGATION, "本年度未发生政府信息公开行政复议案件。");
            }
            case BREAKDOWN -> e.appendText(SectionKey.OVERVIEW, "本年共发布通知公告50条，其中通知20条、公告31条。");
            case PERCENT -> e.appendText(SectionKey.OVERVIEW, "本年共发布通知公告50条，其中通知20条，占45%；公告30条，占60%。");
            case RULES_AT_TOWNSHIP ->
                e.cell(
                        TableId.ACTIVE_DISCLOSURE,
                        Keys.T2_RULES,
                        layout.activeDisclosure
                                .row(Keys.T2_RULES)
                                .orElseThrow()
                                .columns()
                                .get(0)
                                .key(),
                        1);
            case PREVIOUS_CARRIED_OVER -> {
                ReportEditor p = previousOf(plain);
                p.add(TableId.APPLICATIONS, layout.carriedForward.key(), layout.applicationsTotal.key(), 1);
                previous = p.build();
            }
            case FEE_NOT_STATED -> {
                if (t == TemplateVersion.T2021) {
                    e.text(SectionKey.OTHER_MATTERS, "无其他需要报告的事项。");
                } else {
                    return invalid();
                }
            }
            default -> throw new IllegalStateException();
        }
        AnnualReport r = e.build();
        return new Generated(
                r,
                new ValidationContext(
                        expectedName, expectedYear, OrganisationLevel.TOWNSHIP, Optional.ofNullable(previous)),
                fault);
    }

    /** A golden seed with random, consistent Tables 3 and 4 and a narrative that agrees. */
    ReportEditor consistent() {
        AnnualReport base = BASES.get(rnd.nextInt(BASES.size()));
        ReportEditor e = ReportEditor.of(base);
        Layout layout = Layout.of(base);
        TemplateVersion t = base.template();
        if (t == TemplateVersion.T2021 && rnd.nextBoolean()) {
            e.year(2022
                    + rnd.nextInt(3)); // a later year of the same template, so the previous year is 2021-template too
        }
        fillApplications(e, layout);
        fillReviews(e, layout);
        // Table 2: no 规章 at a township; a unit for every amount; a small in-force count
        TableDef t2 = layout.activeDisclosure;
        for (RowDef row : t2.rows()) {
            for (ColumnDef col : row.columns()) {
                if (row.key().equals(Keys.T2_RULES)) {
                    e.cell(TableId.ACTIVE_DISCLOSURE, row.key(), col.key(), 0);
                } else if (col.kind() == ValueKind.MONEY) {
                    e.cell(
                            TableId.ACTIVE_DISCLOSURE,
                            row.key(),
                            col.key(),
                            new Cell(
                                    BigDecimal.valueOf(rnd.nextInt(100_000), col.maxScale() > 0 ? col.maxScale() : 0),
                                    col.unit() != null ? col.unit() : "元"));
                }
            }
        }
        // the narrative: the applications received, Table 4, section 六 with the fee, a breakdown that adds up
        BigDecimal received = e.value(TableId.APPLICATIONS, layout.newReceived.key(), layout.applicationsTotal.key());
        for (SectionKey key : SectionKey.values()) {
            String text = e.text(key);
            if (text != null) {
                text = text.replaceAll("(共收到|未收到|没有收到)[^。；]*?申请[^。；，]*", "共收到政府信息公开申请" + received + "件")
                        .replace("累计主动公开信息91条", "累计主动公开信息95条")
                        .replaceAll("，占[0-9.]+%", "");
                e.text(key, text);
            }
        }
        e.appendText(
                SectionKey.REVIEWS_AND_LITIGATION,
                "本年度发生政府信息公开行政复议" + sum(e, layout.reconsiderationRows, layout) + "件，行政诉讼"
                        + sum(e, layout.litigationRows, layout) + "件。");
        if (e.text(SectionKey.OTHER_MATTERS) == null) {
            e.text(SectionKey.OTHER_MATTERS, "无其他需要报告的事项。");
        }
        if (t == TemplateVersion.T2021) {
            e.appendText(SectionKey.OTHER_MATTERS, "本年度未收取信息处理费。");
        }
        return e;
    }

    /** A previous year that agrees with {@code r}: its 四 is r's 二, and Table 2 carries over. */
    ReportEditor previousOf(AnnualReport r) {
        ReportEditor p = ReportEditor.of(r).year(r.year() - 1).template(TemplateVersion.requiredFor(r.year() - 1));
        Layout layout = Layout.of(r);
        for (ColumnDef col : layout.applicationColumns) {
            p.cell(
                    TableId.APPLICATIONS,
                    layout.carriedForward.key(),
                    col.key(),
                    r.applications().rows().get(layout.carriedOver.key()).get(col.key()));
        }
        if (r.template() == TemplateVersion.T2021 && r.year() > 2021) {
            for (RowDef row : layout.activeDisclosureRowsWith(Keys.T2_ISSUED, Keys.T2_REPEALED, Keys.T2_IN_FORCE)) {
                BigDecimal inForce = r.activeDisclosure().value(row.key(), Keys.T2_IN_FORCE);
                BigDecimal before = inForce.subtract(r.activeDisclosure().value(row.key(), Keys.T2_ISSUED))
                        .add(r.activeDisclosure().value(row.key(), Keys.T2_REPEALED));
                p.cell(TableId.ACTIVE_DISCLOSURE, row.key(), Keys.T2_IN_FORCE, new Cell(before, null));
            }
        }
        if (r.template() == TemplateVersion.T2019 && r.year() > 2019) {
            for (RowDef row : layout.activeDisclosureRowsWith(Keys.T2_PREVIOUS_YEAR_ITEMS, Keys.T2_CHANGE_THIS_YEAR)) {
                p.cell(TableId.ACTIVE_DISCLOSURE, row.key(), Keys.T2_CHANGE_THIS_YEAR, 0);
            }
        }
        return p;
    }

    private void fillApplications(ReportEditor e, Layout layout) {
        boolean busy = rnd.nextInt(4) == 0;
        for (ColumnDef col : layout.applicationColumns) {
            if (col.role() != ColumnRole.PART) {
                continue;
            }
            long results = 0;
            for (RowDef row : layout.results) {
                long v = busy && rnd.nextInt(3) == 0 ? rnd.nextInt(8) : 0;
                results += v;
                e.cell(TableId.APPLICATIONS, row.key(), col.key(), v);
            }
            long forward = busy ? rnd.nextInt(3) : 0;
            long over = rnd.nextInt((int) Math.min(results + forward, 3) + 1);
            e.cell(TableId.APPLICATIONS, layout.resultTotal.key(), col.key(), results);
            e.cell(TableId.APPLICATIONS, layout.carriedForward.key(), col.key(), forward);
            e.cell(TableId.APPLICATIONS, layout.carriedOver.key(), col.key(), over);
            e.cell(TableId.APPLICATIONS, layout.newReceived.key(), col.key(), results + forward - over);
        }
        fillTotals(e, TableId.APPLICATIONS, layout);
    }

    private void fillReviews(ReportEditor e, Layout layout) {
        for (RowDef row : layout.reviews.rows()) {
            for (ColumnDef col : parts(row)) {
                e.cell(TableId.REVIEWS_AND_LITIGATION, row.key(), col.key(), rnd.nextInt(6) == 0 ? rnd.nextInt(3) : 0);
            }
        }
        fillTotals(e, TableId.REVIEWS_AND_LITIGATION, layout);
    }

    private static void fillTotals(ReportEditor e, TableId table, Layout layout) {
        for (Layout.RowSum s : layout.rowSums(table)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (ColumnDef c : s.partDefs()) {
                sum = sum.add(e.value(table, s.def().key(), c.key()));
            }
            e.cell(table, s.def().key(), s.totalDef().key(), new Cell(sum, null));
        }
    }

    private static BigDecimal sum(ReportEditor e, List<RowDef> rows, Layout layout) {
        BigDecimal s = BigDecimal.ZERO;
        for (RowDef r : rows) {
            s = s.add(e.value(TableId.REVIEWS_AND_LITIGATION, r.key(), layout.reviewsTotal.key()));
        }
        return s;
    }

    private static List<ColumnDef> parts(RowDef row) {
        List<ColumnDef> parts = new ArrayList<>();
        for (ColumnDef c : row.columns()) {
            if (c.role() == ColumnRole.PART) {
                parts.add(c);
            }
        }
        return parts;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
