package io.jenkins.plugins.upstreampr.chant.archive;

/**
 * An archive run failed for a reason outside the user's input (a file-system or git error). Its message says
 * where it failed and whether every move done before was undone (and, if not, where each file is now).
 */
public class ArchiveFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArchiveFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
