package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.QueueTaskFuture;

/** Stand-in of {@code jenkins.model.ParameterizedJobMixIn} (jenkins core): what schedules a Pipeline build. */
public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task, RunT extends Run<JobT, RunT> & Queue.Executable> {
    private ParameterizedJobMixIn() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface ParameterizedJob<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task, RunT extends Run<JobT, RunT> & Queue.Executable> {
        default QueueTaskFuture<RunT> scheduleBuild2(int quietPeriod, Action... actions) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
