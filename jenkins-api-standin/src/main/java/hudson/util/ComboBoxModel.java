package hudson.util;

import java.util.ArrayList;

public class ComboBoxModel extends ArrayList<String> {
    public ComboBoxModel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
