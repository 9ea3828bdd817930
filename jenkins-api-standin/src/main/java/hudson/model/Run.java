package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.model.ArtifactManager;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final synchronized @NonNull ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isLogUpdated() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final @NonNull ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull List<Artifact> getArtifacts() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public class Artifact {
        public final String relativePath;

        private Artifact() {
            relativePath = null;
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
