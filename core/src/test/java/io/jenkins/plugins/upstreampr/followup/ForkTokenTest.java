package io.jenkins.plugins.upstreampr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ForkTokenTest {

    static final String TOKEN = "ghs_F4keT0ken/with+special=chars";

    @Test
    void neverShowsItself() {
        ForkToken token = ForkToken.of(TOKEN);

        assertThat(token.toString()).doesNotContain(TOKEN).isEqualTo("ForkToken[****]");
        assertThat(ForkToken.none().toString()).isEqualTo("ForkToken[none]");
    }

    @Test
    void scrubsTheTokenPlainAndUrlEncodedAndAnyPasswordInAUrl() {
        ForkToken token = ForkToken.of(TOKEN);

        assertThat(token.scrub("push to https://" + TOKEN + "@github.com/o/r.git failed"))
                .isEqualTo("push to https://****@github.com/o/r.git failed");
        assertThat(token.scrub("https://x-access-token:ghs_F4keT0ken%2Fwith%2Bspecial%3Dchars@github.com/o/r"))
                .isEqualTo("https://x-access-token:****@github.com/o/r");
        assertThat(ForkToken.none().scrub("http://someone:hunter2@127.0.0.1:9/o/r.git: connection failed"))
                .isEqualTo("http://someone:****@127.0.0.1:9/o/r.git: connection failed");
        assertThat(token.scrub("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void scrubsAWholeCauseChainKeepingTypesAndStackTraces() {
        ForkToken token = ForkToken.of(TOKEN);
        Exception original = new IllegalStateException("outer " + TOKEN,
                new IOException("inner https://u:" + TOKEN + "@h/x"));

        Throwable scrubbed = token.scrub(original);

        StringWriter text = new StringWriter();
        scrubbed.printStackTrace(new PrintWriter(text));
        assertThat(text.toString()).doesNotContain(TOKEN)
                .contains("java.lang.IllegalStateException: outer ****")
                .contains("java.io.IOException: inner https://u:****@h/x")
                .contains("ForkTokenTest.scrubsAWholeCauseChainKeepingTypesAndStackTraces");
    }

    @Test
    void refusesAnEmptyTokenOrOneWithWhiteSpace() {
        assertThatThrownBy(() -> ForkToken.of(" ")).isInstanceOf(ChantException.class)
                .hasMessageContaining("The fork token is empty");
        assertThatThrownBy(() -> ForkToken.of("abc\n")).isInstanceOf(ChantException.class)
                .hasMessageContaining("white space").hasMessageNotContaining("abc");
    }
}
