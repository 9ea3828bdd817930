package org.kohsuke.stapler;

/** Stand-in of stapler's {@code HttpResponse}: what {@code WorkflowRun.doStop()} returns; the tests ignore it. */
public interface HttpResponse {
}
