package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.USER_TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Who sees the credentials in the Snippet Generator of a job: as the credentials plugin prescribes, users with
 * Job/ExtendedRead or Credentials/UseItem on it (neither needs Job/Configure); others get only the current value and
 * no check.
 */
@WithJenkins
class CredentialsListingPermissionTest {

    private JenkinsRule r;
    private WorkflowJob job;
    private UpstreamPullRequestPreflightStep.DescriptorImpl descriptor;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.addCredentials();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "extended", "user")
                .grant(Item.EXTENDED_READ).everywhere().to("extended")
                .grant(CredentialsProvider.USE_ITEM).everywhere().to("user"));
        job = r.createProject(WorkflowJob.class, "gate");
        descriptor = r.jenkins.getDescriptorByType(UpstreamPullRequestPreflightStep.DescriptorImpl.class);
    }

    private List<String> listedTo(String user) {
        try (ACLContext as = ACL.as(User.getById(user, true))) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "", "current-id");
            return items.stream().map(option -> option.value).toList();
        }
    }

    private FormValidation.Kind checkedFor(String user, String credentialsId) {
        try (ACLContext as = ACL.as(User.getById(user, true))) {
            return descriptor.doCheckCredentialsId(job, "", "upstream/project", credentialsId).kind;
        }
    }

    @Test
    void aUserWithExtendedReadButNotConfigureSeesTheCredentials() {
        assertEquals(false, job.getACL().hasPermission2(User.getById("extended", true).impersonate2(),
                Item.CONFIGURE));

        assertEquals(List.of("", "current-id", TOKEN_ID, USER_TOKEN_ID), sorted(listedTo("extended")));
        assertEquals(FormValidation.Kind.ERROR, checkedFor("extended", "no-such-credentials"));
    }

    @Test
    void aUserWhoMayUseCredentialsButNotConfigureSeesTheCredentials() {
        assertEquals(false, job.getACL().hasPermission2(User.getById("user", true).impersonate2(), Item.CONFIGURE));

        assertEquals(List.of("", "current-id", TOKEN_ID, USER_TOKEN_ID), sorted(listedTo("user")));
    }

    @Test
    void aUserWhoMayOnlyReadTheJobSeesOnlyTheCurrentValueAndNoCheck() {
        assertEquals(List.of("current-id"), listedTo("reader"));
        assertEquals(FormValidation.Kind.OK, checkedFor("reader", "no-such-credentials"));
    }

    /** The values in alphabetical order (the empty value first): the listing's own order is the store's. */
    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
