/**
 * The {@code upstream-pr} command line: {@link io.jenkins.plugins.upstreampr.cli.UpstreamPrCommand} (the top
 * level: subcommand list, exit codes, one-line errors), the shared {@code --dir} option
 * ({@link io.jenkins.plugins.upstreampr.cli.RepositoryOption}) and one class per subcommand
 * ({@link io.jenkins.plugins.upstreampr.cli.ResolveCommand}, ...). All logic lives in {@code core}; a command
 * only reads its options, calls the engine and prints. The terminal gate
 * ({@link io.jenkins.plugins.upstreampr.cli.GateCommand}) adds what only a terminal has: the
 * {@link io.jenkins.plugins.upstreampr.cli.Terminal} it asks on, the questions
 * ({@code TerminalDialogue}), the editor ({@code EditorLauncher}) and the report shown before asking
 * ({@code ProposalReport}). {@code archive --after-merge} reports what it did as an {@code AfterMergeReport}.
 */
package io.jenkins.plugins.upstreampr.cli;
