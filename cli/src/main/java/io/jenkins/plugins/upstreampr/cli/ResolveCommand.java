package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code upstream-pr resolve ID}: prints the full ID of the active spec that {@code ID} names. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Print the full ID of the active spec that ID names, with chant's general resolver: the exact "
                + "ID, else the only ID ending with ID (e.g. x7m), else - for 3 characters - today's spec with that "
                + "sequence number (e.g. 00a), else the only ID containing ID (e.g. 001).",
            "Refuses (exit 3) when no active spec or more than one matches, listing the candidates or saying "
                + "where ID was found instead (archived, unreadable). Unlike `chant archive` it never picks the "
                + "first of several prefix matches."})
public final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    private UpstreamPrCommand top;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Parameters(paramLabel = "ID", description = "A spec ID or a unique part of one.")
    private String id;

    @Override
    public Integer call() {
        SpecId resolved = new SpecResolver(top.clock()).resolve(repository.readTree(), id);
        spec.commandLine().getOut().println(resolved.value());
        spec.commandLine().getOut().flush();
        return UpstreamPrCommand.EXIT_OK;
    }
}
