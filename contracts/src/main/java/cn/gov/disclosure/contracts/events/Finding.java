package cn.gov.disclosure.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What a rule found: the rule's stable code, its severity, the place, the expected and actual numbers where there
 * are numbers, and the message in Chinese (the users' language) with English beside it for operators.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String code,
        Severity severity,
        Location location,
        BigDecimal expected,
        BigDecimal actual,
        String messageZh,
        String messageEn) {}
