package org.jvnet.hudson.test;

import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

/** Stand-in of jenkins-test-harness' {@code MockAuthorizationStrategy}: grant permissions to users everywhere. */
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public class Grant {
        private Grant() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public class GrantOn {
            private GrantOn() {
                throw new UnsupportedOperationException("compile-only stand-in");
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("compile-only stand-in");
            }
        }
    }
}
