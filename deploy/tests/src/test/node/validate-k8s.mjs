// Reads a JSON array of Kubernetes objects on stdin and prints a JSON array of the problems found, one entry
// per object that fails its schema. Objects are checked by the generated models of kubernetes-models (core
// API groups), @kubernetes-models/keda (ScaledObject, TriggerAuthentication) and
// @kubernetes-models/prometheus-operator (ServiceMonitor); an apiVersion/kind that no package knows is a problem
// too, so a misspelt kind cannot slip through unvalidated.
import { readFileSync } from 'node:fs';

function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith('keda.sh/')) {
    return `@kubernetes-models/keda/${apiVersion}/${kind}`;
  }
  if (apiVersion.startsWith('monitoring.coreos.com/')) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function validate(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return 'apiVersion and kind are required';
  }
  let model;
  try {
    model = (await import(modulePath(apiVersion, kind)))[kind];
  } catch {
    return `no schema for ${apiVersion} ${kind}`;
  }
  try {
    new model(object).validate();
    return null;
  } catch (error) {
    return error.message;
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const [index, object] of objects.entries()) {
  const message = await validate(object);
  if (message) {
    problems.push({ index, kind: object?.kind, name: object?.metadata?.name, message });
  }
}
process.stdout.write(JSON.stringify(problems));
