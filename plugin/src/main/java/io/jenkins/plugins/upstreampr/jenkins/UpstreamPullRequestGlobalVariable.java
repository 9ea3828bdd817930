package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * The one-liner {@code upstreamPullRequest(...)}: a global variable whose value is an instance of
 * {@code UpstreamPullRequestGate.groovy} (this plugin's resources), loaded through the Pipeline script's class
 * loader so that it runs as CPS code and can call steps. Its {@code call(Map)} composes
 * {@code upstreamPullRequestPreflight}, the real {@code input} step and {@code createUpstreamPullRequest}; all logic
 * stays in those steps. The {@code input} step makes the prompt appear where Jenkins users look for it (console
 * link, "Paused for Input", Pipeline Graph View, the {@code /input} REST API), honour {@code submitter}, record the
 * approver and survive a restart. Pattern: docker-workflow's {@code DockerDSL}.
 */
@Extension
public final class UpstreamPullRequestGlobalVariable extends GlobalVariable {

    static final String NAME = "upstreamPullRequest";
    static final String GATE_CLASS = "io.jenkins.plugins.upstreampr.jenkins.UpstreamPullRequestGate";

    @NonNull
    @Override
    public String getName() {
        return NAME;
    }

    @NonNull
    @Override
    public Object getValue(@NonNull CpsScript script) throws Exception {
        // A constructor, not a method, so no CpsCallableInvocation can escape (see DockerDSL).
        return script.getClass().getClassLoader().loadClass(GATE_CLASS).getConstructor(CpsScript.class)
                .newInstance(script);
    }

    /** Lets the Pipeline class loader load {@code UpstreamPullRequestGate.groovy} from this plugin. */
    @Extension
    public static final class GateScriptAllowlist extends GroovySourceFileAllowlist {

        private final String scriptUrl = String.valueOf(
                UpstreamPullRequestGlobalVariable.class.getResource("UpstreamPullRequestGate.groovy"));

        @Override
        public boolean isAllowed(String groovyResourceUrl) {
            return scriptUrl.equals(groovyResourceUrl);
        }
    }
}
