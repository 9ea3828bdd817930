package io.jenkins.plugins.upstreampr.chant.archive;

import java.util.List;

/**
 * What an archive run did (or, for a dry run or a refused batch, would have done).
 *
 * @param dryRun whether nothing was moved because {@code --dry-run} was given
 * @param archived the specs moved to the archive, in the order they were moved
 * @param migrated flat archived files ({@code archive/<ID>.md}) moved into their folders first
 * @param skipped requested specs that were not moved, with the reason
 * @param warnings things a person should know (target files without changes, files moved without staging...)
 */
public record ArchiveResult(boolean dryRun, List<SpecMove> archived, List<SpecMove> migrated,
        List<SkippedSpec> skipped, List<String> warnings) {

    public ArchiveResult {
        archived = List.copyOf(archived);
        migrated = List.copyOf(migrated);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
