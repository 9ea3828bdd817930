package hudson.model;

/** Stand-in of {@code hudson.model.TopLevelItem} (jenkins core): what {@code JenkinsRule.createProject} makes. */
public interface TopLevelItem extends Item {}
