package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;

/** Stand-in of jenkins-test-harness' {@code JenkinsSessionExtension}: Jenkins sessions on one home. */
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    public JenkinsSessionExtension() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void beforeEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void afterEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    /** The real one inherits {@code run} from {@code JenkinsSessionFixture.Step}. */
    @FunctionalInterface
    public interface Step {
        void run(JenkinsRule r) throws Throwable;
    }

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
