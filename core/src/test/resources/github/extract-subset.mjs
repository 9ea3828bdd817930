#!/usr/bin/env node
// Regenerates openapi-subset*.json and examples/ from the @octokit/openapi package.
// Usage: node extract-subset.mjs <path to @octokit/openapi package root> [out dir]
// Deterministic: same package version in, same bytes out.
import fs from "node:fs";
import path from "node:path";

const pkgRoot = process.argv[2];
const outDir = process.argv[3] || path.dirname(new URL(import.meta.url).pathname);
if (!pkgRoot) {
  console.error("usage: node extract-subset.mjs <@octokit/openapi package root> [out dir]");
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgRoot, "package.json"), "utf8"));

// The operations the plugin's core may call. Keep in sync with README.md.
export const OPERATIONS = [
  ["get", "/repos/{owner}/{repo}"],
  ["get", "/repos/{owner}/{repo}/pulls"],
  ["post", "/repos/{owner}/{repo}/pulls"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["patch", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/branches/{branch}"],
  ["get", "/repos/{owner}/{repo}/compare/{basehead}"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/status"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/statuses"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/check-runs"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/check-suites"],
  ["get", "/repos/{owner}/{repo}/milestones"],
  ["get", "/repos/{owner}/{repo}/releases/latest"],
  ["get", "/rate_limit"],
  ["get", "/user"],
  // GitHub App credentials (token exchange); trivial to include, rarely needed.
  ["get", "/repos/{owner}/{repo}/installation"],
  ["post", "/app/installations/{installation_id}/access_tokens"],
  // Added for following an upstream pull request after submission (upstream-pr watch):
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  // Added for the timing guard (freeze file and freeze label) and assignees (upstream-pr preflight/create):
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["get", "/repos/{owner}/{repo}/issues"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/assignees"],
  // Added for the gate's commit status on the staging head (upstream-pr gate --gate-status):
  ["post", "/repos/{owner}/{repo}/statuses/{sha}"],
];

function resolvePointer(doc, ref) {
  if (!ref.startsWith("#/")) throw new Error("external $ref not supported: " + ref);
  return ref
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((o, k) => {
      if (o == null || !(k in o)) throw new Error("unresolvable $ref " + ref);
      return o[k];
    }, doc);
}

// Collect every "#/components/..." $ref reachable from node, transitively.
function collectRefs(doc, node, seen) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) { for (const v of n) stack.push(v); continue; }
    if (!n || typeof n !== "object") continue;
    for (const [k, v] of Object.entries(n)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/")) {
        if (!seen.has(v)) { seen.add(v); stack.push(resolvePointer(doc, v)); }
      } else stack.push(v);
    }
  }
  return seen;
}

function subset(specFile, outFile) {
  const doc = JSON.parse(fs.readFileSync(path.join(pkgRoot, "generated", specFile), "utf8"));
  const paths = {};
  const tags = new Set();
  for (const [method, p] of OPERATIONS) {
    const item = doc.paths[p];
    if (!item || !item[method]) throw new Error(`${specFile}: missing ${method.toUpperCase()} ${p}`);
    if (!paths[p]) {
      paths[p] = {};
      for (const [k, v] of Object.entries(item)) {
        if (!["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(k)) paths[p][k] = v;
      }
    }
    paths[p][method] = item[method];
    for (const t of item[method].tags || []) tags.add(t);
  }
  const refs = collectRefs(doc, paths, new Set());
  const components = {};
  for (const section of Object.keys(doc.components)) {
    const names = Object.keys(doc.components[section]).filter((n) =>
      refs.has(`#/components/${section}/${n.replace(/~/g, "~0").replace(/\//g, "~1")}`));
    if (names.length) {
      components[section] = {};
      for (const n of names.sort()) components[section][n] = doc.components[section][n];
    }
  }
  const out = {
    openapi: doc.openapi,
    info: {
      ...doc.info,
      "x-fixture-subset": {
        source: `${pkg.name}@${pkg.version} generated/${specFile}`,
        operations: OPERATIONS.map(([m, p]) => `${m.toUpperCase()} ${p}`),
      },
    },
    servers: doc.servers,
    externalDocs: doc.externalDocs,
    tags: (doc.tags || []).filter((t) => tags.has(t.name)),
    paths,
    components,
  };
  fs.writeFileSync(path.join(outDir, outFile), JSON.stringify(out, null, 2) + "\n");
  const counts = Object.fromEntries(Object.entries(components).map(([k, v]) => [k, Object.keys(v).length]));
  console.log(`${outFile}: ${Object.keys(paths).length} paths, components ${JSON.stringify(counts)}`);
  return doc;
}

function deref(doc, node) {
  // Resolve a $ref chain at the top of node (examples, responses, requestBodies).
  while (node && typeof node === "object" && typeof node.$ref === "string") node = resolvePointer(doc, node.$ref);
  return node;
}

function writeExamples(doc) {
  const exDir = path.join(outDir, "examples");
  fs.rmSync(exDir, { recursive: true, force: true });
  fs.mkdirSync(exDir, { recursive: true });
  const index = [];
  const isJson = (mt) => /^application\/([a-z0-9.+-]*\+)?json$/.test(mt) || mt === "application/json";
  for (const [method, p] of OPERATIONS) {
    const op = doc.paths[p][method];
    const dirName = op.operationId.replace(/\//g, "--");
    const files = [];
    const emit = (fileName, value, meta) => {
      fs.mkdirSync(path.join(exDir, dirName), { recursive: true });
      fs.writeFileSync(path.join(exDir, dirName, fileName), JSON.stringify(value, null, 2) + "\n");
      files.push({ file: `${dirName}/${fileName}`, ...meta });
    };
    const rb = deref(doc, op.requestBody);
    for (const [mt, media] of Object.entries(rb?.content || {})) {
      if (!isJson(mt)) continue;
      for (const [name, ex] of Object.entries(media.examples || {})) {
        const e = deref(doc, ex);
        if (e && "value" in e) emit(`request-${name}.json`, e.value, { kind: "request", mediaType: mt, example: name });
      }
    }
    for (const [status, resp0] of Object.entries(op.responses || {})) {
      const resp = deref(doc, resp0);
      for (const [mt, media] of Object.entries(resp?.content || {})) {
        if (!isJson(mt)) continue;
        for (const [name, ex] of Object.entries(media.examples || {})) {
          const e = deref(doc, ex);
          if (e && "value" in e) emit(`${status}-${name}.json`, e.value, { kind: "response", status: Number(status), mediaType: mt, example: name });
        }
      }
    }
    index.push({ operationId: op.operationId, method: method.toUpperCase(), path: p, files });
  }
  fs.writeFileSync(path.join(exDir, "index.json"), JSON.stringify({ source: `${pkg.name}@${pkg.version} generated/api.github.com.json`, operations: index }, null, 2) + "\n");
  console.log(`examples: ${index.reduce((n, o) => n + o.files.length, 0)} files`);
}

const dotcom = subset("api.github.com.json", "openapi-subset.json");
subset("ghes-3.19.json", "openapi-subset-ghes-3.19.json");
writeExamples(dotcom);
