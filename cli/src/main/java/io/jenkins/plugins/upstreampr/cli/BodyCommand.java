package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.upstreampr.body.PullRequestBodyRenderer;
import io.jenkins.plugins.upstreampr.body.PullRequestText;
import io.jenkins.plugins.upstreampr.body.PullRequestTemplate;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.TrailGap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code upstream-pr body ID [--template F] [--json]}: prints the pull request body proposed for a fix. */
@Command(name = "body", mixinStandardHelpOptions = true,
        description = {"Print the pull request body proposed to upstream maintainers for the fix that spec ID "
                + "describes (the implementation spec, or the upstream-PR spec that depends on it): Summary, "
                + "Changes, Testing and 'Fixes #N', taken from the spec's trail (its depends_on specs, their "
                + "driver/member groups and their informed_by documents). Agent output and the workflow's own "
                + "language (spec IDs, phases, chant, agents) are left out.",
            "ID is resolved like `resolve` does; the exact full ID of an archived spec is accepted too. References "
                + "the trail cannot follow (a missing dependency or document) are noted on stderr, one per line."})
public final class BodyCommand implements Callable<Integer> {

    @ParentCommand
    private UpstreamPrCommand top;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Parameters(paramLabel = "ID", description = "The implementation spec (or the upstream-PR spec): an ID or a "
            + "unique part of one.")
    private String id;

    @Option(names = "--template", paramLabel = "F", description = "A markdown file laying out the body with the "
            + "placeholders {{title}}, {{summary}}, {{changes}}, {{testing}}, {{fixes}} and {{issue}} "
            + "(default: Summary, Changes, Testing, Fixes).")
    private Path template;

    @Option(names = "--json", description = "Print {\"title\", \"body\", \"trail\", \"gaps\"} as JSON instead.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PullRequestTemplate layout = template == null ? PullRequestTemplate.DEFAULT
                : PullRequestTemplate.read(template);
        ChantTree tree = repository.readTree();
        SpecTrail trail = SpecTrail.of(tree, new SpecResolver(top.clock()).resolveIncludingArchived(tree, id));
        PullRequestText proposal = new PullRequestBodyRenderer().render(trail, layout);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("title", proposal.title());
            result.put("body", proposal.body());
            result.put("trail", trail.ids().stream().map(SpecId::value).toList());
            result.put("gaps", trail.gaps().stream().map(TrailGap::describe).toList());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            out.print(proposal.body());
            PrintWriter err = spec.commandLine().getErr();
            trail.gaps().forEach(g -> err.println(spec.qualifiedName() + ": note: " + g.describe()));
            err.flush();
        }
        out.flush();
        return UpstreamPrCommand.EXIT_OK;
    }
}
