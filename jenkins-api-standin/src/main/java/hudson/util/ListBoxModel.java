package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final class Option {
        @NonNull
        public String value;

        private Option() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
