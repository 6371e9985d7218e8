package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule is: its stable code (findings carry it; never rename one), the severity of its findings, a description
 * in Chinese and English, and the templates whose reports it checks.
 */
public record RuleInfo(
        String code, Severity severity, String descriptionZh, String descriptionEn, Set<TemplateVersion> templates) {

    public RuleInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        templates = templates == null || templates.isEmpty()
                ? Set.copyOf(EnumSet.allOf(TemplateVersion.class))
                : Set.copyOf(templates);
    }

    /** A rule for reports of every template. */
    public static RuleInfo of(String code, Severity severity, String descriptionZh, String descriptionEn) {
        return new RuleInfo(code, severity, descriptionZh, descriptionEn, EnumSet.allOf(TemplateVersion.class));
    }

    /** A rule for reports of one template only. */
    public static RuleInfo of(
            String code, Severity severity, String descriptionZh, String descriptionEn, TemplateVersion template) {
        return new RuleInfo(code, severity, descriptionZh, descriptionEn, EnumSet.of(template));
    }

    public boolean appliesTo(TemplateVersion template) {
        return templates.contains(template);
    }
}
