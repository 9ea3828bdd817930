package hudson.model;

/** Stand-in of {@code hudson.model.ItemGroup} (jenkins core): the parent a {@link Job} is constructed with. */
public interface ItemGroup<T extends Item> {}
