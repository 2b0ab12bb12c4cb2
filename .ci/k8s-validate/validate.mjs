// Validates Kubernetes manifests against the Kubernetes API schemas: every document of every file given is checked
// by the model of its apiVersion/kind from kubernetes-models (validators generated from the Kubernetes OpenAPI
// document: types, required fields, enums, formats; as kubeconform does without -strict). Custom resources of the
// operators named in CUSTOM are only checked for apiVersion/kind/metadata: their schemas ship with the operators'
// CRDs, which validate them at apply time. Exit 0: all valid; 1: one or more invalid (each printed); 2: misuse.
//   node .ci/k8s-validate/validate.mjs config/k8s/*.yaml
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import yaml from "js-yaml";

const CUSTOM = new Set(["postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup"]);

async function model(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion : `v1`;
  try {
    const module = await import(`kubernetes-models/${group}/${kind}`);
    return module[kind];
  } catch {
    return null;
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs MANIFEST.yaml...");
  process.exit(2);
}
let failures = 0;
let checked = 0;
for (const file of files) {
  let documents;
  try {
    documents = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
  } catch (e) {
    console.log(`FAIL ${file}: not YAML: ${e.message}`);
    failures++;
    continue;
  }
  for (const doc of documents) {
    const id = `${file} ${doc.kind ?? "?"}/${doc.metadata?.name ?? basename(file)}`;
    if (doc.apiVersion === "kustomize.config.k8s.io/v1beta1" && doc.kind === "Kustomization") {
      console.log(`ok   ${id} (kustomize, not an API object)`);
      continue;
    }
    const type = `${doc.apiVersion}/${doc.kind}`;
    if (CUSTOM.has(type)) {
      if (typeof doc.metadata?.name !== "string" || typeof doc.spec !== "object") {
        console.log(`FAIL ${id}: a custom resource needs metadata.name and spec`);
        failures++;
      } else {
        console.log(`ok   ${id} (custom resource: its operator's CRD validates the spec)`);
      }
      continue;
    }
    const Model = typeof doc.apiVersion === "string" && typeof doc.kind === "string"
      ? await model(doc.apiVersion, doc.kind) : null;
    if (!Model) {
      console.log(`FAIL ${id}: no Kubernetes schema for ${type}`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
      console.log(`ok   ${id}`);
      checked++;
    } catch (e) {
      console.log(`FAIL ${id}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`${checked} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
