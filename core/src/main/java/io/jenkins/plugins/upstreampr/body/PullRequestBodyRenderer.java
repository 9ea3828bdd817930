package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Renders the pull request proposed to upstream maintainers from the {@link SpecTrail} of a fix: a Summary (problem,
 * cause, fix), the Changes (every target file of the trail's code specs, with its reason when the specs give one),
 * the Testing, and {@code Fixes #N} when the trail names the issue, laid out by a {@link PullRequestTemplate}
 * ({@link PullRequestTemplate#DEFAULT} unless the user gives one).
 *
 * <p>The body is for people outside the contributor's workflow. It never contains chant's agent output sections,
 * nor sentences that use the workflow's own language (spec IDs, "Phase 3", chant, agents, specs, the fork, research
 * files under {@code .chant/}): such sentences are left out, not rewritten. Rendering is deterministic and reads
 * nothing but the trail.
 */
public final class PullRequestBodyRenderer {

    /** Renders with the default layout. */
    public PullRequestText render(SpecTrail trail) {
        return render(trail, PullRequestTemplate.DEFAULT);
    }

    /** Renders with the given layout. */
    public PullRequestText render(SpecTrail trail, PullRequestTemplate template) {
        TrailSources sources = new TrailSources(trail);
        String title = TitleWriter.write(sources);
        List<ChangedFile> changes = ChangesWriter.write(sources);
        OptionalLong issue = IssueReference.find(sources);

        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TITLE, title);
        values.put(Placeholder.SUMMARY, SummaryWriter.write(sources));
        values.put(Placeholder.CHANGES, changes.stream().map(ChangedFile::asListItem)
                .collect(Collectors.joining("\n")));
        values.put(Placeholder.TESTING, String.join("\n", TestingWriter.write(sources, changes)));
        values.put(Placeholder.FIXES, issue.isPresent() ? "Fixes #" + issue.getAsLong() : "");
        values.put(Placeholder.ISSUE, issue.isPresent() ? Long.toString(issue.getAsLong()) : "");
        return new PullRequestText(title, template.fill(values), changes);
    }
}
