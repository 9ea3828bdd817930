package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.followup.ForkToken;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.RetryRule;
import io.jenkins.plugins.upstreampr.github.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The GitHub options of the commands that talk to GitHub (mix in with {@code @Mixin GitHubOptions github;}):
 * {@code --api-url} and where the token comes from. The token is read from the {@code GITHUB_TOKEN} environment
 * variable or from the file named by {@code --token-file}; never from an argument value, so it does not end up
 * in shell history or process listings.
 */
public final class GitHubOptions {

    /** Where environment variables come from; replaced only by tests. */
    static UnaryOperator<String> environment = System::getenv;

    /** How the commands wait before retrying GitHub; replaced only by tests, which must not sleep. */
    static Sleeper sleeper = Sleeper.SYSTEM;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "https://api.github.com",
            description = "GitHub REST API URL: https://api.github.com (default) or https://HOST/api/v3 for "
                    + "GitHub Enterprise.")
    private String apiUrl;

    @Option(names = "--max-wait", paramLabel = "D", defaultValue = "2m",
            description = "Wait at most this long in all (default 2m; 0s never waits) when GitHub answers 5xx, does "
                    + "not answer or rate-limits: each wait is announced on stderr; a rate limit resetting later "
                    + "fails at once, naming the reset time. Duration as 90s, 5m or PT5M.")
    private String maxWait;

    /** The token handed out for pushing, if it was ({@link #forkToken()}). */
    private ForkToken forkToken;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the GitHub token from FILE (default: the GITHUB_TOKEN environment variable).")
    private Path tokenFile;

    /**
     * Refuses a token given as an argument value, without printing it (picocli would echo an unknown option's
     * value in its error message).
     */
    @Option(names = {"--token", "--github-token"}, hidden = true, paramLabel = "REFUSED")
    void refuseTokenArgument(String ignored) {
        throw new ParameterException(spec.commandLine(), "A GitHub token is never accepted as an argument value (it "
                + "would be visible in shell history and process listings; the value was not printed). Set "
                + "GITHUB_TOKEN or pass --token-file FILE");
    }

    /**
     * A session on the API URL with the token, retrying as {@link RetryRule#terminal()} does within
     * {@code --max-wait}, and saying so on stderr before each wait.
     */
    public GitHubSession session() {
        Duration bound;
        try {
            bound = WatchCommand.duration("--max-wait", maxWait);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GitHubSession session;
        try {
            session = GitHubSession.connect(URI.create(apiUrl.strip()), token());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--api-url: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        return session.withRetryRule(RetryRule.terminal().withMaxWait(bound))
                .withTime(sleeper, Clock.systemUTC())
                .onRetry(retry -> {
                    err.println(name + ": " + retry.describe() + " (waiting at most " + maxWait.strip()
                            + " in all, --max-wait)");
                    err.flush();
                });
    }

    /**
     * The token for the one other use it has: git pushing to the fork over HTTPS ({@code archive --after-merge}).
     * From then on {@link #scrub} masks it, so the error lines printed for the command do not show it.
     */
    ForkToken forkToken() {
        forkToken = ForkToken.of(token());
        return forkToken;
    }

    /** {@code text} as it may be printed: with the fork token masked once {@link #forkToken()} handed it out. */
    String scrub(String text) {
        return forkToken == null ? text : forkToken.scrub(text);
    }

    /** The token itself. Never print it. */
    private String token() {
        if (tokenFile != null) {
            String token;
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile
                        + ": cannot read it (" + e.getClass().getSimpleName() + "); give a readable file holding the "
                        + "token");
            }
            if (token.isEmpty() || token.contains("\n")) {
                throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile
                        + ": expected exactly one line holding the token");
            }
            return token;
        }
        String token = environment.apply("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "No GitHub token: set the GITHUB_TOKEN environment "
                    + "variable or pass --token-file FILE (a token is never accepted as an argument value)");
        }
        return token.strip();
    }
}
