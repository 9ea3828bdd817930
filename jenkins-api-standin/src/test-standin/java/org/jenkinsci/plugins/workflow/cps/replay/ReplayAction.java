package org.jenkinsci.plugins.workflow.cps.replay;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.queue.QueueTaskFuture;
import java.util.Map;

/** Stand-in of workflow-cps' {@code ReplayAction}: replaying a build. */
public class ReplayAction implements Action {
    private ReplayAction() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getOriginalScript() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @SuppressWarnings("rawtypes") // as the real signature
    public @CheckForNull QueueTaskFuture run(
            @NonNull String replacementMainScript, @NonNull Map<String, String> replacementLoadedScripts) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
