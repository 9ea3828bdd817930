package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.upstreampr.jenkins.params.OpenGates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gates open in a build ({@link OpenGates}, whose rule this applies): kept on the run, invisible, saved with it
 * each time a gate opens or closes, so that a second gate with the id of one still open is refused
 * before it asks anyone, also after a restart. The preflight opens its gate when it starts (on the CPS VM thread,
 * which runs the starts of all branches of a build one after the other) and closes it when it fails or is aborted;
 * {@code createUpstreamPullRequest} closes it when it starts.
 */
public final class OpenGatesAction implements Action {

    private static final Logger LOGGER = Logger.getLogger(OpenGatesAction.class.getName());

    /** Normalized ids; a plain list, as XStream writes it to build.xml. Guarded by the class. */
    private List<String> ids = new ArrayList<>();

    private OpenGatesAction() {}

    /**
     * Opens the gate {@code id} in {@code run}.
     *
     * @throws AbortException naming the id when a gate with it is already open in the run
     */
    static void open(@NonNull Run<?, ?> run, @NonNull String step, String id) throws AbortException {
        synchronized (OpenGatesAction.class) {
            OpenGatesAction action = of(run);
            try {
                action.ids = new ArrayList<>(new OpenGates(action.ids).open(step, id).ids());
            } catch (IllegalArgumentException e) {
                throw new AbortException(e.getMessage());
            }
            save(run);
        }
    }

    /** Closes the gate {@code id} in {@code run}; nothing happens when it is not open. */
    static void close(@NonNull Run<?, ?> run, String id) {
        synchronized (OpenGatesAction.class) {
            OpenGatesAction action = run.getAction(OpenGatesAction.class);
            if (action != null && action.ids != null) {
                action.ids = new ArrayList<>(new OpenGates(action.ids).close(id).ids());
                save(run);
            }
        }
    }

    /**
     * Writes the run (build.xml, which holds this action) at once: a gate closed by a failed preflight on a pool thread
     * meets no input step that would save the run, and after a crash it must not come back open.
     */
    private static void save(Run<?, ?> run) {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the open gates of " + run, e);
        }
    }

    private static OpenGatesAction of(Run<?, ?> run) {
        OpenGatesAction action = run.getAction(OpenGatesAction.class);
        if (action == null) {
            action = new OpenGatesAction();
            run.replaceAction(action);
        }
        if (action.ids == null) {
            action.ids = new ArrayList<>();
        }
        return action;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
