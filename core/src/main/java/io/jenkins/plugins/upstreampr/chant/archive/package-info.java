/**
 * Archiving chant specs: moving finished specs from {@code .chant/specs/<ID>.md} to
 * {@code .chant/archive/<first 10 bytes of ID>/<ID>.md} with the same eligibility rules as {@code chant archive}
 * (status, driver/member groups, the unmerged-branch check), but safer than chant where its code contradicts
 * itself or can lose work.
 *
 * <p>Entry point: {@link io.jenkins.plugins.upstreampr.chant.archive.SpecArchive}. It first builds an
 * {@link io.jenkins.plugins.upstreampr.chant.archive.ArchivePlan} without touching anything (every check for the
 * whole batch, the flat-archive migration included), then executes it all or nothing: the moves (staged renames
 * in the git index when inside a git work tree, plain renames otherwise) are undone, index included, if one of them
 * fails. {@link io.jenkins.plugins.upstreampr.chant.archive.Archivability} answers "would {@code archive ID}
 * accept this spec?" for every spec of a tree at once, for listings.
 *
 * <p>Deliberate differences from chant (also listed in the README): a batch is all or nothing; a spec that
 * cannot be archived refuses the whole batch instead of being skipped silently or stopping halfway; an existing
 * destination is never overwritten; an ID shorter than 10 bytes is refused instead of crashing; archiving an
 * already archived spec is a reported no-op; {@code cancelled} specs need {@code --force} (chant's selection
 * accepts them but its move refuses them; we follow the move, which is what chant actually does);
 * {@code --no-stage} also applies to the flat-archive migration; nothing is committed.
 */
package io.jenkins.plugins.upstreampr.chant.archive;
