package io.jenkins.plugins.upstreampr.jenkins

/**
 * The upstreamPullRequest(...) one-liner: upstreamPullRequestPreflight, the real input step, createUpstreamPullRequest.
 * Keep it this small: every decision is taken in the Java steps. The input's id is the one the preflight opened the
 * gate with (its id argument, default UpstreamPullRequest; a second open gate with the same id is refused there).
 */
class UpstreamPullRequestGate implements Serializable {

    private final org.jenkinsci.plugins.workflow.cps.CpsScript script

    UpstreamPullRequestGate(org.jenkinsci.plugins.workflow.cps.CpsScript script) {
        this.script = script
    }

    Map call(Map args) {
        Map preflight = new LinkedHashMap(args)
        def submitter = preflight.submitter
        Map proposal = script.upstreamPullRequestPreflight(preflight)
        Map answer = script.input(id: proposal.id, message: proposal.prompt, ok: 'Decide',
                submitter: submitter, submitterParameter: 'approver', parameters: [
                script.choice(name: 'decision', choices: ['approve', 'defer', 'reject']),
                script.string(name: 'title', defaultValue: proposal.title),
                script.text(name: 'body', defaultValue: proposal.body),
                script.booleanParam(name: 'draft', defaultValue: proposal.create.draft),
                script.string(name: 'overrides', defaultValue: '', description: 'Needed to approve: ' +
                        (proposal.overridableBlocks ? proposal.overridableBlocks.join(', ') : 'none')),
                script.text(name: 'reason', defaultValue: '', description: 'Required to defer, reject or override')])
        return script.createUpstreamPullRequest(proposal.create + answer)
    }
}
