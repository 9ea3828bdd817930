package hudson.model;

/** Stand-in of {@code hudson.model.Queue} (jenkins core): only the member types the tests' job types name. */
public class Queue {
    private Queue() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface Task {}

    public interface Executable {}
}
