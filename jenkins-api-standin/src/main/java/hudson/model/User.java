package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

public class User {
    private User() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
