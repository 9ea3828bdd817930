package hudson.remoting;

/** The channel a {@code FileCallable} runs over; the plugin only receives it. */
public interface VirtualChannel {
}
