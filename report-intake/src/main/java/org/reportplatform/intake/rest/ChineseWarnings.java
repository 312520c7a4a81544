package org.reportplatform.intake.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.problem.Language;
import org.reportplatform.intake.service.RuleChecker;

/**
 * Words the warnings and notices of the submissions an answer carries in Chinese when the request prefers it. A warning is stored
 * in English with its rule's id; its Chinese is rendered from the rule and the submission's own numbers as it is
 * read, so that every answer about a submission, its POST, GET, history or review, speaks the caller's language.
 */
@Provider
public class ChineseWarnings implements ContainerResponseFilter {

    private final RuleChecker rules;

    ChineseWarnings(RuleChecker rules) {
        this.rules = rules;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Language.preferred(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)) != Language.ZH) {
            return;
        }
        if (response.getEntity() instanceof SubmissionView view) {
            response.setEntity(inChinese(view));
        } else if (response.getEntity() instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(SubmissionView.class::isInstance)) {
            response.setEntity(list.stream().map(view -> inChinese((SubmissionView) view)).toList());
        }
    }

    private SubmissionView inChinese(SubmissionView view) {
        if (view.warnings().isEmpty() && view.notices().isEmpty()) {
            return view;
        }
        // soft rules apply to the reported actual values only
        Map<IndicatorCode, BigDecimal> actuals = view.values().stream()
                .filter(value -> value.kind() == ValueKind.ACTUAL && value.status() == ValueStatus.REPORTED && value.value() != null)
                .collect(Collectors.toMap(value -> IndicatorCode.of(value.indicator()), SubmissionView.ValueView::value));
        PeriodCode period = PeriodCode.of(view.period());
        return view.inChinese(view.warnings().stream()
                .map(warning -> new SubmissionView.WarningView(warning.field(), warning.indicator(), warning.rule(),
                        rules.messageZh(warning.rule(), IndicatorCode.of(warning.indicator()), actuals, period)
                                .orElse(warning.message())))
                .toList());
    }
}
