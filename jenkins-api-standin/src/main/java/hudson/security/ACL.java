package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.User;
import org.springframework.security.core.Authentication;

public abstract class ACL {
    private ACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final Authentication SYSTEM2 = null;

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static ACLContext as(@CheckForNull User user) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
