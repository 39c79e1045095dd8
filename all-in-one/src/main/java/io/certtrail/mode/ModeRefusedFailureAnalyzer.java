package io.certtrail.mode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as one clear message, not a stack trace. */
class ModeRefusedFailureAnalyzer extends AbstractFailureAnalyzer<ModeRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModeRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
