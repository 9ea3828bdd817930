package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
