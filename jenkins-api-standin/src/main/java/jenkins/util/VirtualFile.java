package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Stand-in of {@code jenkins.util.VirtualFile} (jenkins core): an archived artifact, as the tests read it. */
public abstract class VirtualFile implements Serializable {
    private VirtualFile() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean isFile() throws IOException;

    public abstract @NonNull VirtualFile child(@NonNull String name);

    public abstract InputStream open() throws IOException;
}
