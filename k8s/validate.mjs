#!/usr/bin/env node
// Renders every Kustomize target under k8s/ and validates every object it produces:
//  1. against the published OpenAPI schemas (kubernetes-models for Kubernetes 1.3x, @kubernetes-models/keda,
//     @kubernetes-models/prometheus-operator): types, formats (quantities, ports), required fields;
//  2. strictly: no field the schema does not know (a typo such as `readinesProbe` is silently dropped by a
//     lenient apply). The models' TypeScript types are used for that: each object becomes a typed object
//     literal, and the compiler's excess-property check names any unknown field at any depth.
// An object whose apiVersion/kind has no schema here fails too.
// Usage: npm ci --prefix k8s && KUBECTL=/path/to/kubectl node k8s/validate.mjs   (KUBECTL defaults to kubectl on
// the PATH; KubernetesManifestsTest passes the one pinned in package-lock.json)
// Exit code 0 when every object is valid, 1 otherwise. Run by KubernetesManifestsTest in ./mvnw -B verify.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import ts from 'typescript';

const k8sDir = path.dirname(fileURLToPath(import.meta.url));

/** What is validated: Kustomize directories (rendered with kubectl kustomize) and plain manifest files. */
const TARGETS = [
  { name: 'overlays/dev', kustomize: true },
  { name: 'overlays/prod', kustomize: true },
  { name: 'base', kustomize: true },
  { name: 'monitoring', kustomize: true },
  { name: 'alternatives/hpa.yaml', kustomize: false },
];

/** apiVersion -> the module folder holding one model per kind. */
const PACKAGES = {
  'keda.sh/': '@kubernetes-models/keda/keda.sh/',
  'monitoring.coreos.com/': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/',
};

function modulePath(apiVersion, kind) {
  for (const [prefix, folder] of Object.entries(PACKAGES)) {
    if (apiVersion.startsWith(prefix)) {
      return `${folder}${apiVersion.slice(prefix.length)}/${kind}`;
    }
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

// KubernetesManifestsTest passes the kubectl pinned in package-lock.json (unpacked from its npm package)
const kubectl = process.env.KUBECTL || 'kubectl';

function render(target) {
  const location = path.join(k8sDir, target.name);
  if (!target.kustomize) {
    return readFileSync(location, 'utf8');
  }
  try {
    return execFileSync(kubectl, ['kustomize', location], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.code === 'ENOENT') {
      throw new Error(`${kubectl} not found: it renders the Kustomize targets (kubectl 1.27+ has Kustomize built in)`);
    }
    throw new Error(`kubectl kustomize ${target.name} failed:\n${e.stderr || e.message}`);
  }
}

const objects = [];
const failures = [];
for (const target of TARGETS) {
  let text;
  try {
    text = render(target);
  } catch (e) {
    failures.push(`${target.name}: ${e.message}`);
    continue;
  }
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      failures.push(`${target.name}: YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const data = doc.toJS();
    if (data == null) {
      continue;
    }
    const label = `${target.name}: ${data.apiVersion} ${data.kind} ${data.metadata?.namespace ?? '-'}/${data.metadata?.name}`;
    objects.push({ target: target.name, data, label });
  }
}

// 1. Schema validation, through each kind's model.
for (const object of objects) {
  const { apiVersion, kind } = object.data;
  if (!apiVersion || !kind) {
    failures.push(`${object.label}: apiVersion and kind are required`);
    continue;
  }
  object.module = modulePath(apiVersion, kind);
  let Model;
  try {
    Model = (await import(object.module))[kind];
  } catch (e) {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    failures.push(`${object.label}: no schema for ${apiVersion} ${kind} (looked for ${object.module})`);
    object.module = undefined;
    continue;
  }
  try {
    new Model(object.data).validate();
  } catch (e) {
    failures.push(`${object.label}: ${e.message}`);
  }
}

// 2. Unknown fields, through the models' TypeScript types (one typed literal per line).
const typed = objects.filter((o) => o.module);
const cacheDir = path.join(k8sDir, 'node_modules', '.cache', 'docflow-validate');
mkdirSync(cacheDir, { recursive: true });
const source = path.join(cacheDir, 'objects.mts');
const lines = [];
typed.forEach((o, i) => lines.push(`import type { I${o.data.kind} as T${i} } from ${JSON.stringify(o.module)};`));
const firstObjectLine = lines.length;
typed.forEach((o, i) => lines.push(`export const o${i}: T${i} = ${JSON.stringify(o.data)};`));
writeFileSync(source, lines.join('\n') + '\n');
const program = ts.createProgram([source], {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
});
for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const object = typed[line - firstObjectLine];
    failures.push(`${object ? object.label : `objects.mts line ${line + 1}`}: ${message}`);
  } else {
    failures.push(`type check: ${message}`);
  }
}

for (const object of objects) {
  console.log(`${failures.some((f) => f.startsWith(object.label + ':')) ? 'INVALID' : 'ok     '} ${object.label}`);
}
for (const failure of failures) {
  console.log(`  - ${failure}`);
}
const bad = objects.filter((o) => failures.some((f) => f.startsWith(o.label + ':'))).length;
console.log(`k8s manifests: ${objects.length} objects from ${TARGETS.length} targets, ${objects.length - bad} valid, `
  + `${bad} invalid, ${failures.length} problem(s)`);
process.exit(failures.length === 0 ? 0 : 1);
