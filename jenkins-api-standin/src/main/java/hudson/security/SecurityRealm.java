package hudson.security;

/** Stand-in of {@code hudson.security.SecurityRealm} (jenkins core): what the tests install. */
public abstract class SecurityRealm {
    protected SecurityRealm() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
