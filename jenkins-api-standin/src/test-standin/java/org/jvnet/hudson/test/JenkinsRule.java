package org.jvnet.hudson.test;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.SecurityRealm;
import java.io.IOException;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.WebRequest;

/** Stand-in of jenkins-test-harness' {@code JenkinsRule}: the members the plugin's tests call. */
@SuppressWarnings("rawtypes") // as the real signatures: Run without type arguments
public class JenkinsRule {
    private JenkinsRule() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Jenkins jenkins;

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static class DummySecurityRealm extends SecurityRealm {
        private DummySecurityRealm() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String getLog(Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    /** The real one extends the real HtmlUnit client (org.htmlunit:htmlunit, as the harness pins it). */
    public class WebClient extends org.htmlunit.WebClient {
        private WebClient() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public void setThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
