package cn.gov.disclosure.contracts.catalogue;

import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one description of the report's sections and tables, for both templates, with the official Chinese labels.
 * The importer, the validator, the renderer and the front-end iterate over it; none keeps a list of rows of its own.
 */
public final class TemplateCatalogue {

    /** Official heading (2021 wording) and the key words that identify a section whatever the wording. */
    public record SectionDef(SectionKey key, String title, List<String> keywords) {
        public SectionDef {
            keywords = List.copyOf(keywords);
        }

        public String heading() {
            return key.numeral() + "、" + title;
        }
    }

    private static final List<SectionDef> SECTIONS = List.of(
            new SectionDef(SectionKey.OVERVIEW, "总体情况", List.of("总体情况", "概述", "基本情况")),
            new SectionDef(SectionKey.ACTIVE_DISCLOSURE, "主动公开政府信息情况", List.of("主动公开")),
            new SectionDef(SectionKey.APPLICATIONS, "收到和处理政府信息公开申请情况", List.of("申请")),
            new SectionDef(SectionKey.REVIEWS_AND_LITIGATION, "政府信息公开行政复议、行政诉讼情况", List.of("复议", "诉讼")),
            new SectionDef(SectionKey.PROBLEMS_AND_IMPROVEMENTS, "存在的主要问题及改进情况", List.of("问题", "改进")),
            new SectionDef(SectionKey.OTHER_MATTERS, "其他需要报告的事项", List.of("其他需要报告", "其他事项", "其他")));

    private static final Map<TemplateVersion, Map<TableId, TableDef>> TABLES = new EnumMap<>(TemplateVersion.class);

    static {
        for (TemplateVersion t : TemplateVersion.values()) {
            Map<TableId, TableDef> tables = new EnumMap<>(TableId.class);
            tables.put(TableId.ACTIVE_DISCLOSURE, activeDisclosure(t));
            tables.put(TableId.APPLICATIONS, applications(t));
            tables.put(TableId.REVIEWS_AND_LITIGATION, reviewsAndLitigation(t));
            TABLES.put(t, tables);
        }
    }

    private TemplateCatalogue() {}

    public static List<SectionDef> sections() {
        return SECTIONS;
    }

    public static SectionDef section(SectionKey key) {
        return SECTIONS.get(key.ordinal());
    }

    public static TableDef table(TemplateVersion template, TableId id) {
        return TABLES.get(template).get(id);
    }

    public static List<TableDef> tables(TemplateVersion template) {
        return List.copyOf(TABLES.get(template).values());
    }

    // ---------------------------------------------------------------- Table 2

    private static final String ITEM_1 = "第二十条第（一）项";
    private static final String ITEM_5 = "第二十条第（五）项";
    private static final String ITEM_6 = "第二十条第（六）项";
    private static final String ITEM_8 = "第二十条第（八）项";
    private static final String ITEM_9 = "第二十条第（九）项";

    private static TableDef activeDisclosure(TemplateVersion t) {
        List<RowDef> rows = new ArrayList<>();
        if (t == TemplateVersion.T2019) {
            List<ColumnDef> documents = List.of(
                    value("newlyMade", "本年新制作数量", ValueKind.COUNT),
                    value("newlyPublished", "本年新公开数量", ValueKind.COUNT),
                    value("totalPublished", "对外公开总数量", ValueKind.COUNT, "对外公开总数"));
            List<ColumnDef> items = List.of(
                    value("previousYearItems", "上一年项目数量", ValueKind.COUNT),
                    value("changeThisYear", "本年增/减", ValueKind.SIGNED_COUNT, "本年增减", "本年增／减"),
                    value("decisions", "处理决定数量", ValueKind.COUNT));
            rows.add(row("rules", "规章", List.of(), List.of(ITEM_1), RowRole.VALUE, documents));
            rows.add(row("normativeDocuments", "规范性文件", List.of("行政规范性文件"), List.of(ITEM_1), RowRole.VALUE, documents));
            rows.add(row("administrativeLicensing", "行政许可", List.of(), List.of(ITEM_5), RowRole.VALUE, items));
            rows.add(row("otherManagementServices", "其他对外管理服务事项", List.of(), List.of(ITEM_5), RowRole.VALUE, items));
            rows.add(row("administrativePenalty", "行政处罚", List.of(), List.of(ITEM_6), RowRole.VALUE, items));
            rows.add(row("administrativeCoercion", "行政强制", List.of(), List.of(ITEM_6), RowRole.VALUE, items));
            rows.add(row(
                    "administrativeFees", "行政事业性收费", List.of(), List.of(ITEM_8), RowRole.VALUE, items.subList(0, 2)));
            rows.add(row(
                    "centralisedProcurement",
                    "政府集中采购",
                    List.of(),
                    List.of(ITEM_9),
                    RowRole.VALUE,
                    List.of(
                            value("procurementProjects", "采购项目数量", ValueKind.COUNT),
                            new ColumnDef(
                                    "procurementAmount",
                                    "采购总金额",
                                    List.of(),
                                    List.of(),
                                    ValueKind.MONEY,
                                    null,
                                    -1,
                                    ColumnRole.VALUE))));
        } else {
            List<ColumnDef> documents = List.of(
                    value("issued", "本年制发件数", ValueKind.COUNT),
                    value("repealed", "本年废止件数", ValueKind.COUNT),
                    value("inForce", "现行有效件数", ValueKind.COUNT));
            List<ColumnDef> decisions = List.of(value("decisions", "本年处理决定数量", ValueKind.COUNT, "处理决定数量"));
            rows.add(row("rules", "规章", List.of(), List.of(ITEM_1), RowRole.VALUE, documents));
            rows.add(row("normativeDocuments", "行政规范性文件", List.of("规范性文件"), List.of(ITEM_1), RowRole.VALUE, documents));
            rows.add(row("administrativeLicensing", "行政许可", List.of(), List.of(ITEM_5), RowRole.VALUE, decisions));
            rows.add(row("administrativePenalty", "行政处罚", List.of(), List.of(ITEM_6), RowRole.VALUE, decisions));
            rows.add(row("administrativeCoercion", "行政强制", List.of(), List.of(ITEM_6), RowRole.VALUE, decisions));
            rows.add(row(
                    "administrativeFees",
                    "行政事业性收费",
                    List.of(),
                    List.of(ITEM_8),
                    RowRole.VALUE,
                    List.of(new ColumnDef(
                            "feeAmount",
                            "本年收费金额（单位：万元）",
                            List.of("本年收费金额（单位：万元，保留4位小数）", "本年收费金额"),
                            List.of(),
                            ValueKind.MONEY,
                            "万元",
                            4,
                            ColumnRole.VALUE))));
        }
        return new TableDef(t, TableId.ACTIVE_DISCLOSURE, "主动公开政府信息情况", null, rows);
    }

    // ---------------------------------------------------------------- Table 3

    private static final String RESULTS = "三、本年度办理结果";
    private static final String REFUSED = "（三）不予公开";
    private static final String UNABLE = "（四）无法提供";
    private static final String NOT_PROCESSED = "（五）不予处理";
    private static final String OTHER_HANDLING = "（六）其他处理";

    private static List<ColumnDef> applicantColumns() {
        List<String> org = List.of("申请人情况", "法人或其他组织");
        return List.of(
                new ColumnDef(
                        "naturalPerson", "自然人", List.of(), List.of("申请人情况"), ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef(
                        "commercialEnterprise", "商业企业", List.of(), org, ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("researchInstitution", "科研机构", List.of(), org, ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef(
                        "publicInterestOrganisation",
                        "社会公益组织",
                        List.of("社会公益性组织", "社会组织"),
                        org,
                        ValueKind.COUNT,
                        null,
                        0,
                        ColumnRole.PART),
                new ColumnDef(
                        "legalServiceAgency", "法律服务机构", List.of(), org, ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("otherOrganisation", "其他", List.of(), org, ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("total", "总计", List.of(), List.of("申请人情况"), ValueKind.COUNT, null, 0, ColumnRole.TOTAL));
    }

    private static TableDef applications(TemplateVersion t) {
        List<ColumnDef> c = applicantColumns();
        List<RowDef> rows = new ArrayList<>();
        rows.add(row("newReceived", "一、本年新收政府信息公开申请数量", List.of(), List.of(), RowRole.INCOMING, c));
        rows.add(row("carriedOver", "二、上年结转政府信息公开申请数量", List.of(), List.of(), RowRole.INCOMING, c));
        rows.add(row("granted", "（一）予以公开", List.of(), List.of(RESULTS), RowRole.RESULT, c));
        rows.add(row(
                "partiallyGranted",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                List.of("（二）部分公开"),
                List.of(RESULTS),
                RowRole.RESULT,
                c));
        List<String> refused = List.of(RESULTS, REFUSED);
        rows.add(row("refusedStateSecret", "1.属于国家秘密", List.of(), refused, RowRole.RESULT, c));
        rows.add(row("refusedProhibitedByLaw", "2.其他法律行政法规禁止公开", List.of("2.其他法律法规禁止公开"), refused, RowRole.RESULT, c));
        rows.add(row(
                "refusedThreeSecurities",
                "3.危及“三安全一稳定”",
                List.of("3.危及\"三安全一稳定\"", "3.危及三安全一稳定"),
                refused,
                RowRole.RESULT,
                c));
        rows.add(row("refusedThirdPartyRights", "4.保护第三方合法权益", List.of(), refused, RowRole.RESULT, c));
        rows.add(row("refusedInternalAffairs", "5.属于三类内部事务信息", List.of(), refused, RowRole.RESULT, c));
        rows.add(row("refusedProcessInformation", "6.属于四类过程性信息", List.of(), refused, RowRole.RESULT, c));
        rows.add(row("refusedEnforcementFiles", "7.属于行政执法案卷", List.of(), refused, RowRole.RESULT, c));
        rows.add(row("refusedAdministrativeQuery", "8.属于行政查询事项", List.of(), refused, RowRole.RESULT, c));
        List<String> unable = List.of(RESULTS, UNABLE);
        rows.add(row("unableNotHeld", "1.本机关不掌握相关政府信息", List.of(), unable, RowRole.RESULT, c));
        rows.add(row("unableNeedsCreation", "2.没有现成信息需要另行制作", List.of(), unable, RowRole.RESULT, c));
        rows.add(row("unableStillUnclear", "3.补正后申请内容仍不明确", List.of(), unable, RowRole.RESULT, c));
        List<String> notProcessed = List.of(RESULTS, NOT_PROCESSED);
        rows.add(row("notProcessedPetition", "1.信访举报投诉类申请", List.of(), notProcessed, RowRole.RESULT, c));
        rows.add(row("notProcessedRepeated", "2.重复申请", List.of(), notProcessed, RowRole.RESULT, c));
        rows.add(row("notProcessedPublication", "3.要求提供公开出版物", List.of(), notProcessed, RowRole.RESULT, c));
        rows.add(row("notProcessedExcessive", "4.无正当理由大量反复申请", List.of(), notProcessed, RowRole.RESULT, c));
        rows.add(row("notProcessedConfirmation", "5.要求行政机关确认或重新出具已获取信息", List.of(), notProcessed, RowRole.RESULT, c));
        if (t == TemplateVersion.T2019) {
            rows.add(row("otherHandling", "（六）其他处理", List.of(), List.of(RESULTS), RowRole.RESULT, c));
        } else {
            List<String> other = List.of(RESULTS, OTHER_HANDLING);
            rows.add(
                    row("otherNoCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", List.of(), other, RowRole.RESULT, c));
            rows.add(row(
                    "otherUnpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", List.of(), other, RowRole.RESULT, c));
            rows.add(row("otherOther", "3.其他", List.of(), other, RowRole.RESULT, c));
        }
        rows.add(row("resultTotal", "（七）总计", List.of(), List.of(RESULTS), RowRole.RESULT_TOTAL, c));
        rows.add(row("carriedForward", "四、结转下年度继续办理", List.of(), List.of(), RowRole.CARRIED_FORWARD, c));
        return new TableDef(t, TableId.APPLICATIONS, "收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rows);
    }

    // ---------------------------------------------------------------- Table 4

    private static TableDef reviewsAndLitigation(TemplateVersion t) {
        List<ColumnDef> c = List.of(
                new ColumnDef("upheld", "结果维持", List.of(), List.of(), ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("corrected", "结果纠正", List.of(), List.of(), ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("otherOutcome", "其他结果", List.of(), List.of(), ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("pending", "尚未审结", List.of(), List.of(), ValueKind.COUNT, null, 0, ColumnRole.PART),
                new ColumnDef("total", "总计", List.of(), List.of(), ValueKind.COUNT, null, 0, ColumnRole.TOTAL));
        List<RowDef> rows = List.of(
                row("administrativeReconsideration", "行政复议", List.of(), List.of(), RowRole.VALUE, c),
                row("litigationDirect", "未经复议直接起诉", List.of(), List.of("行政诉讼"), RowRole.VALUE, c),
                row("litigationAfterReconsideration", "复议后起诉", List.of(), List.of("行政诉讼"), RowRole.VALUE, c));
        return new TableDef(t, TableId.REVIEWS_AND_LITIGATION, "政府信息公开行政复议、行政诉讼情况", null, rows);
    }

    // ---------------------------------------------------------------- helpers

    private static ColumnDef value(String key, String label, ValueKind kind, String... aliases) {
        return new ColumnDef(key, label, List.of(aliases), List.of(), kind, null, 0, ColumnRole.VALUE);
    }

    private static RowDef row(
            String key, String label, List<String> aliases, List<String> path, RowRole role, List<ColumnDef> columns) {
        return new RowDef(key, label, aliases, path, role, columns);
    }
}
