package hudson.security;

/** Stand-in of {@code hudson.security.AuthorizationStrategy} (jenkins core): what the tests install. */
public abstract class AuthorizationStrategy {
    protected AuthorizationStrategy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
