package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;

public abstract class Launcher {
    private Launcher() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static class LocalLauncher extends Launcher {
        public LocalLauncher(@NonNull TaskListener listener) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
