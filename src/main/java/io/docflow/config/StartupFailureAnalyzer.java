package io.docflow.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a failed resource check as "which setting, what is wrong, what to do" instead of an SDK stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<DocflowStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DocflowStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
