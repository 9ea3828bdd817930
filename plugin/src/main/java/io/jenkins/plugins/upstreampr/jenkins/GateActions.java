package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.upstreampr.jenkins.params.OpenGates;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One action of a kind per gate id on a run ({@link UpstreamProposalAction}, {@link UpstreamPullRequestAction}), where
 * {@code Run.replaceAction} would keep one per run: gates with different ids in {@code parallel} branches each keep
 * theirs, and a later gate with the same id replaces its predecessor's. An action read from an older {@code build.xml}
 * has no id and counts as the default gate's.
 */
final class GateActions {

    private static final Logger LOGGER = Logger.getLogger(GateActions.class.getName());

    private GateActions() {}

    /**
     * Adds {@code action} to {@code run} in place of the action of {@code type} with the same gate id, if any, and
     * writes the run at once ({@code Run.addAction} only changes the run in memory): without an input step after it,
     * which would save the run, a crash would otherwise lose the proposal page or the opened pull request's summary.
     */
    static <A extends Action> void put(@NonNull Run<?, ?> run, @NonNull Class<A> type, @NonNull A action,
            @NonNull Function<A, String> gateId) {
        String id = OpenGates.normalize(gateId.apply(action));
        synchronized (GateActions.class) {
            for (A old : run.getActions(type)) {
                if (OpenGates.normalize(gateId.apply(old)).equals(id)) {
                    run.removeAction(old);
                }
            }
            run.addAction(action);
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run + " after adding " + type.getSimpleName(), e);
        }
    }

    /** The action of {@code type} of the gate {@code id} on {@code run}, or null. */
    static <A extends Action> A of(@NonNull Run<?, ?> run, @NonNull Class<A> type, String id,
            @NonNull Function<A, String> gateId) {
        String wanted = OpenGates.normalize(id);
        for (A action : run.getActions(type)) {
            if (OpenGates.normalize(gateId.apply(action)).equals(wanted)) {
                return action;
            }
        }
        return null;
    }
}
