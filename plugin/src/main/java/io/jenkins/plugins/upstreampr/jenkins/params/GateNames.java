package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.gate.GateArtifacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names a gate's state in a build goes by, from its input id, so that gates with different ids (in
 * {@code parallel} branches, say) never overwrite each other: its artifacts and its proposal page. The default id
 * {@value OpenGates#DEFAULT_ID} keeps the names a build with a single gate has always had ({@code upstream-pr/...},
 * {@code upstream-pr-proposal}); another id puts its own segment in them ({@code upstream-pr/ID/...},
 * {@code upstream-pr-proposal-ID}).
 *
 * <p>Because the id becomes a path segment and a URL segment here, before the input step has seen it, the id is held
 * to the input step's own rule ({@code InputStep.DescriptorImpl.doCheckId}: letters, digits and
 * {@code -._~!$()*+,:@=}, not {@code .} or {@code ..}) narrowed to names every file system takes, since the artifact
 * manager writes {@code upstream-pr/ID/} as a folder on the controller, which may run on Windows: letters, digits and
 * {@code -_.}, not starting or ending with {@code .}, not a Windows device name ({@code CON}, {@code NUL},
 * {@code COM1}...). So a bad id fails the preflight before anyone is asked, and never names an artifact outside
 * {@code upstream-pr/}.
 *
 * @param id the id as the input step stores it ({@link OpenGates#normalize})
 */
public record GateNames(String id) {

    /** The proposal page's URL name, relative to the build, for the default id. */
    public static final String PROPOSAL_PAGE = "upstream-pr-proposal";

    private static final Pattern PORTABLE = Pattern.compile("[a-zA-Z0-9_-]([a-zA-Z0-9._-]*[a-zA-Z0-9_-])?");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    private static final String FOLDER = GateArtifacts.FOLDER + "/";

    /**
     * @throws IllegalArgumentException naming the id and the characters allowed when the input step would refuse it
     */
    public GateNames {
        id = OpenGates.normalize(id);
        if (!PORTABLE.matcher(id).matches() || WINDOWS_DEVICE.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "': a gate's id names its input prompt, its artifacts"
                    + " and its proposal page, so it must be URL safe and a folder name on every system: letters"
                    + " a-z A-Z, digits 0-9 and - _ . (not first or last: '.'; not a Windows device name such as CON"
                    + " or NUL), for example id: 'backport-1.x'");
        }
    }

    /** The gate with the default id. */
    public static GateNames ofDefault() {
        return new GateNames(OpenGates.DEFAULT_ID);
    }

    /** Whether this is the default id, whose names have no id segment. */
    public boolean isDefault() {
        return id.equals(OpenGates.DEFAULT_ID);
    }

    /** The URL name of this gate's proposal page, relative to the build. */
    public String proposalPage() {
        return isDefault() ? PROPOSAL_PAGE : PROPOSAL_PAGE + "-" + id;
    }

    /**
     * The build's artifact name for the engine's artifact {@code engineName} of this gate ({@code GateArtifacts}:
     * {@code upstream-pr/gate-record.json}, {@code upstream-pr/chant/...}): unchanged for the default id, else
     * {@code upstream-pr/ID/...}.
     *
     * @throws IllegalArgumentException when {@code engineName} is not under {@code upstream-pr/}
     */
    public String artifact(String engineName) {
        if (!engineName.startsWith(FOLDER)) {
            throw new IllegalArgumentException("not an artifact of the gate: " + engineName);
        }
        return isDefault() ? engineName : FOLDER + id + "/" + engineName.substring(FOLDER.length());
    }

    /**
     * The engine's artifacts (name to path in the folder it wrote them into), named for this gate: the paths stay, the
     * names are {@link #artifact}'s, as {@code ArtifactManager.archive} takes them (archive name to relative path).
     */
    public Map<String, String> artifacts(Map<String, String> engine) {
        Map<String, String> named = new LinkedHashMap<>();
        engine.forEach((name, path) -> named.put(artifact(name), path));
        return named;
    }
}
