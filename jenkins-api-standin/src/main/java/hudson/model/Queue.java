package hudson.model;

public class Queue {
    private Queue() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface Task {
    }
}
