package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.util.EnumSet;
import java.util.Set;

/**
 * SECTION-EMPTY (added beyond DOMAIN.md): a narrative section (one without a table: 一, 五, 六) that is present but has no
 * text. A table section may consist of its table alone.
 */
final class SectionEmptyRule extends AbstractRule {

    private static final Set<SectionKey> TABLE_SECTIONS = EnumSet.noneOf(SectionKey.class);

    static {
        for (TableId t : TableId.values()) {
            TABLE_SECTIONS.add(t.section());
        }
    }

    SectionEmptyRule() {
        super(RuleInfo.of(
                "SECTION-EMPTY",
                Severity.WARNING,
                "无表格的部分（一、五、六）须有正文",
                "A narrative section (1, 5, 6) must have text"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (Section s : report.sections()) {
            if (!TABLE_SECTIONS.contains(s.key()) && s.text().isBlank()) {
                out.report(
                        info,
                        Location.section(s.key()),
                        null,
                        null,
                        "第" + s.key().numeral() + "部分「" + Labels.section(s.key()) + "」没有正文",
                        "Section " + s.key().number() + " (" + s.key().key() + ") has no text");
            }
        }
    }
}
