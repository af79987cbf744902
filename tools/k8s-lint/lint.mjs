// Validates every document of a Kubernetes YAML file against the API schema of its apiVersion/kind
// (kubernetes-models: JSON schemas generated from the Kubernetes OpenAPI spec). Exit 1 on the first error.
//   cd tools/k8s-lint && npm install && npm run lint
import { readFileSync } from "node:fs";
import * as jsyaml from "js-yaml";

const yaml = jsyaml.loadAll ? jsyaml : jsyaml.default;

const file = process.argv[2];
const docs = yaml.loadAll(readFileSync(file, "utf8")).filter(Boolean);
let failed = false;
for (const doc of docs) {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  const models = await import(`${module}/${doc.kind}`);
  const Model = models[doc.kind] ?? models.default;
  try {
    new Model(doc).validate();
    console.log(`ok      ${doc.kind} ${doc.metadata.name} (${doc.apiVersion})`);
  } catch (e) {
    failed = true;
    console.log(`INVALID ${doc.kind} ${doc.metadata.name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
