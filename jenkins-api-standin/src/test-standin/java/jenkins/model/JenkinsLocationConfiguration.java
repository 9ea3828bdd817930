package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of jenkins core's {@code JenkinsLocationConfiguration}: the configured Jenkins URL. */
public class JenkinsLocationConfiguration {
    private JenkinsLocationConfiguration() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull JenkinsLocationConfiguration get() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setUrl(@CheckForNull String jenkinsUrl) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
