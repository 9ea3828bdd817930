package io.jenkins.plugins.upstreampr.jenkins

/**
 * The upstreamPullRequest(...) one-liner: upstreamPullRequestPreflight, the real input step, createUpstreamPullRequest.
 * Keep it this small: every decision is taken in the Java steps. The input's id is the one the preflight opened the
 * gate with (its id argument, default UpstreamPullRequest; a second open gate with the same id is refused there).
 * With approvers (several roles) it only loops: ask the role the engine names (next, input id <id>-<role number>),
 * hand the answer to recordUpstreamApproval, until nobody is to be asked; the approvals travel as plain text.
 */
class UpstreamPullRequestGate implements Serializable {

    private final org.jenkinsci.plugins.workflow.cps.CpsScript script

    UpstreamPullRequestGate(org.jenkinsci.plugins.workflow.cps.CpsScript script) {
        this.script = script
    }

    Map call(Map args) {
        Map proposal = script.upstreamPullRequestPreflight(args)
        if (proposal.next == null) {
            Map answer = ask(proposal, proposal.id, proposal.prompt, args.submitter, proposal.title, proposal.body,
                    proposal.create.draft)
            return script.createUpstreamPullRequest(proposal.create + answer)
        }
        Map gate = proposal
        Map answer = [title: proposal.title, body: proposal.body, draft: proposal.create.draft]
        while (gate.next != null) {
            // the previous answer's text is the default: approving it as shown keeps the earlier approvals standing
            answer = ask(proposal, gate.next.inputId, gate.next.why + ' ' + proposal.prompt, gate.next.submitter,
                    answer.title, answer.body, answer.draft)
            gate = script.recordUpstreamApproval(proposal.create + answer + [approvals: gate.approvals,
                    role: gate.next.role])
        }
        return script.createUpstreamPullRequest(proposal.create + answer + [approvals: gate.approvals])
    }

    private Map ask(Map proposal, String id, String message, def submitter, String title, String body, boolean draft) {
        return script.input(id: id, message: message, ok: 'Decide',
                submitter: submitter, submitterParameter: 'approver', parameters: [
                script.choice(name: 'decision', choices: ['approve', 'defer', 'reject']),
                script.string(name: 'title', defaultValue: title),
                script.text(name: 'body', defaultValue: body),
                script.booleanParam(name: 'draft', defaultValue: draft),
                script.string(name: 'overrides', defaultValue: '', description: 'Needed to approve: ' +
                        (proposal.overridableBlocks ? proposal.overridableBlocks.join(', ') : 'none')),
                script.text(name: 'reason', defaultValue: '', description: 'Required to defer, reject or override')])
    }
}
