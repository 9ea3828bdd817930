/**
 * The {@code upstream-pr} command line: {@link io.jenkins.plugins.upstreampr.cli.UpstreamPrCommand} (the top
 * level: subcommand list, exit codes, and the one handler that turns every typed error, GitHub's included, into a
 * one-line message and its exit code), the shared {@code --dir} option
 * ({@link io.jenkins.plugins.upstreampr.cli.RepositoryOption}), the option groups several commands share
 * ({@link io.jenkins.plugins.upstreampr.cli.GitHubOptions}, {@code PreflightOptions}
 * for {@code preflight} and {@code gate}) and one class per subcommand
 * ({@link io.jenkins.plugins.upstreampr.cli.ResolveCommand}, ...). All logic lives in {@code core}; a command
 * only reads its options, calls the engine and prints, its {@code --json} built by the engine
 * ({@code gate.GateJson}, {@code followup.AfterMergeReport}). The terminal gate
 * ({@link io.jenkins.plugins.upstreampr.cli.GateCommand}) adds what only a terminal has: the
 * {@link io.jenkins.plugins.upstreampr.cli.Terminal} it asks on, the questions ({@code TerminalDialogue}), the
 * editor ({@code EditorLauncher}) and the report shown before asking ({@code ProposalReport}).
 */
package io.jenkins.plugins.upstreampr.cli;
