package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.upstreampr.github.JdkHttpConnector;
import jenkins.model.Jenkins;

/**
 * The one HTTP client every step of this controller reaches GitHub with, through Jenkins' proxy settings
 * ({@link ProxyConfiguration#newHttpClientBuilder()}, which reads them when the client is built). Each JDK
 * {@code HttpClient} keeps its own selector thread and connection pool, so a client per step made a controller that
 * follows hundreds of upstream pull requests hold hundreds of threads and about 0.5 MB of heap per wait
 * ({@code bench/watch-scale}); shared, threads do not grow with the number of steps. What a step keeps of its own is
 * above this transport: its credentials and its cache of conditional answers (the engine's {@code GitHubSession}).
 *
 * <p>Made again when the proxy configuration is replaced (Manage Jenkins, System saves a new
 * {@link ProxyConfiguration}); a client no step uses any more is left to the garbage collector.
 */
final class SharedHttpTransport {

    private static JdkHttpConnector connector;
    private static ProxyConfiguration madeFor;

    private SharedHttpTransport() {}

    /** The shared connector for the proxy configuration in force. */
    @NonNull
    static synchronized JdkHttpConnector get() {
        ProxyConfiguration current = currentProxy();
        if (connector == null || current != madeFor) {
            connector = JdkHttpConnector.withDefaultTimeouts(ProxyConfiguration.newHttpClientBuilder());
            madeFor = current;
        }
        return connector;
    }

    @CheckForNull
    private static ProxyConfiguration currentProxy() {
        return Jenkins.get().getProxy();
    }
}
