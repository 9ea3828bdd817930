package hudson.model;

import hudson.security.ACL;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
