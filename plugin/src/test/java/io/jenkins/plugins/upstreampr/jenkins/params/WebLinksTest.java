package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import org.junit.jupiter.api.Test;

class WebLinksTest {

    @Test
    void githubComIsTheSiteOfItsApiAndOfNoUrl() {
        assertThat(WebLinks.site("")).isEqualTo("https://github.com");
        assertThat(WebLinks.site(null)).isEqualTo("https://github.com");
        assertThat(WebLinks.site("https://api.github.com/")).isEqualTo("https://github.com");
        assertThat(WebLinks.pullRequest("https://api.github.com", PullRequestRef.parse("yourusername/kvstore#12")))
                .isEqualTo("https://github.com/yourusername/kvstore/pull/12");
    }

    @Test
    void anEnterpriseApiUnderApiV3IsServedByItsHost() {
        assertThat(WebLinks.site("https://ghe.example.com/api/v3")).isEqualTo("https://ghe.example.com");
        assertThat(WebLinks.site("http://localhost:8089/api/v3/")).isEqualTo("http://localhost:8089");
        assertThat(WebLinks.pullRequest("https://ghe.example.com/api/v3", PullRequestRef.parse("team/app#7")))
                .isEqualTo("https://ghe.example.com/team/app/pull/7");
    }

    @Test
    void aJenkinsPageIsTheRootUrlFollowedByThePathJenkinsGivesRelativeToIt() {
        assertThat(WebLinks.jenkinsPage("https://ci.example.com/jenkins/", "job/kvstore/42/upstream-pr-proposal/"))
                .isEqualTo("https://ci.example.com/jenkins/job/kvstore/42/upstream-pr-proposal/");
        assertThat(WebLinks.jenkinsPage("http://localhost:8080", "job/a/1/"))
                .isEqualTo("http://localhost:8080/job/a/1/");
        assertThat(WebLinks.jenkinsPage("http://localhost:8080/", "/job/a/1/"))
                .isEqualTo("http://localhost:8080/job/a/1/");
    }

    @Test
    void withoutARootUrlThereIsNoJenkinsPageToLinkTo() {
        assertThat(WebLinks.jenkinsPage(null, "job/a/1/")).isNull();
        assertThat(WebLinks.jenkinsPage(" ", "job/a/1/")).isNull();
    }

    @Test
    void onlyHttpAndHttpsAddressesChosenByOthersBecomeLinks() {
        assertThat(WebLinks.webAddressOrNull("https://ci.example.com/build/7"))
                .isEqualTo("https://ci.example.com/build/7");
        assertThat(WebLinks.webAddressOrNull(" http://ci.example.com/7 ")).isEqualTo("http://ci.example.com/7");
        assertThat(WebLinks.webAddressOrNull("javascript:alert(document.cookie)")).isNull();
        assertThat(WebLinks.webAddressOrNull("JavaScript:alert(1)")).isNull();
        assertThat(WebLinks.webAddressOrNull("data:text/html,<script>alert(1)</script>")).isNull();
        assertThat(WebLinks.webAddressOrNull("/relative/path")).isNull();
        assertThat(WebLinks.webAddressOrNull("not a url at all")).isNull();
        assertThat(WebLinks.webAddressOrNull(null)).isNull();
    }
}
