package io.docflow.config;

/**
 * docflow cannot start because a setting points at something that is missing or unreachable.
 * {@link StartupFailureAnalyzer} turns it into a short report naming the setting.
 */
public class DocflowStartupException extends RuntimeException {

    private final String setting;
    private final String action;

    public DocflowStartupException(String setting, String problem, String action, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
