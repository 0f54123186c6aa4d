// Validates Kubernetes/Knative manifests:
//  1. schema: the JSON schemas compiled into kubernetes-models (Kubernetes OpenAPI) and
//     @kubernetes-models/knative (Knative Serving CRD types): types, required fields, enums, formats;
//  2. strict: no field the schema does not know (a typo such as `readinesProbe` is an error),
//     derived from the packages' type declarations, as kubeconform -strict does;
//  3. project rules: no Secret object and no literal value for a secret-looking env var.
// Usage: node validate.mjs FILE.yaml...   (exit 1 on any error)
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeModules = path.join(here, "node_modules");

function modelModule(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group.endsWith(".knative.dev")) return `@kubernetes-models/knative/${group}/${version}`;
  return group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
}

// ---- strict unknown-field check from the .d.ts class declarations ------------------------------
const declCache = new Map();
function resolveDts(spec, fromFile) {
  let base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : path.join(nodeModules, spec);
  base = base.replace(/\.js$/, "");
  const f = base + ".d.ts";
  if (!existsSync(f)) throw new Error(`type declarations not found: ${spec} (from ${fromFile})`);
  return f;
}
function loadDecl(file, className) {
  const key = file + "#" + (className || "");
  if (declCache.has(key)) return declCache.get(key);
  const src = readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of src.matchAll(/import \{([^}]+)\} from "([^"]+)";/g)) {
    for (const part of m[1].split(",")) {
      const [orig, alias] = part.trim().split(/\s+as\s+/);
      if (orig) imports.set((alias || orig).trim(), { spec: m[2], name: orig.trim() });
    }
  }
  const cls = className
    ? src.match(new RegExp(`export declare class ${className} extends[^{]*\\{([\\s\\S]*?)\\n\\}`))
    : src.match(/export declare class (\w+) extends Model[^{]*\{([\s\S]*?)\n\}/);
  if (!cls) throw new Error(`no class declaration in ${file}`);
  const body = className ? cls[1] : cls[2];
  const props = new Map();
  for (const m of body.matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
    const type = m[2];
    const ref = (type.match(/\bI[A-Z]\w*/g) || []).find((n) => imports.has(n) || /^I[A-Z]/.test(n));
    let target = null;
    if (!type.startsWith("{") && ref && imports.has(ref)) {
      const imp = imports.get(ref);
      target = { file: resolveDts(imp.spec, file), isArray: type.startsWith("Array<") };
    }
    props.set(m[1], target);
  }
  const decl = { props, preserveUnknown: /\[key: string\]: any/.test(body) };
  declCache.set(key, decl);
  return decl;
}
function strictCheck(data, dtsFile, at, errors) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return;
  const decl = loadDecl(dtsFile);
  if (decl.props.size === 0 || decl.preserveUnknown) return;
  for (const [k, v] of Object.entries(data)) {
    if (!decl.props.has(k)) { errors.push(`${at}/${k}: unknown field`); continue; }
    const t = decl.props.get(k);
    if (!t) continue;
    if (t.isArray && Array.isArray(v)) v.forEach((e, i) => strictCheck(e, t.file, `${at}/${k}/${i}`, errors));
    else if (!t.isArray) strictCheck(v, t.file, `${at}/${k}`, errors);
  }
}

// ---- project rules -------------------------------------------------------------------------------
const SECRETISH = /(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|CREDENTIAL)/i;
function projectRules(doc, errors) {
  if (doc.kind === "Secret") errors.push("a Secret object: secrets are created out of band, never committed");
  const walk = (o, at) => {
    if (Array.isArray(o)) return o.forEach((e, i) => walk(e, `${at}/${i}`));
    if (!o || typeof o !== "object") return;
    if (Array.isArray(o.env)) o.env.forEach((e, i) => {
      if (e && SECRETISH.test(e.name || "") && e.value !== undefined && !/_(PATH|FILE|ROLE)$/.test(e.name))
        errors.push(`${at}/env/${i} (${e.name}): literal value for a secret; use valueFrom.secretKeyRef`);
    });
    for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
  };
  walk(doc, "");
  if (doc.kind === "ConfigMap") for (const k of Object.keys(doc.data || {}))
    if (SECRETISH.test(k) && !/_(PATH|FILE|ROLE)$/.test(k)) errors.push(`/data/${k}: secret-looking key in a ConfigMap`);
}

// ---- main ---------------------------------------------------------------------------------------
let failed = 0, checked = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [i, d] of docs.entries()) {
    const where = `${file}#${i}`;
    if (d.errors.length) { console.log(`FAIL ${where}: YAML: ${d.errors.map((e) => e.message).join("; ")}`); failed++; continue; }
    const doc = d.toJS();
    if (doc === null) continue;
    const errors = [];
    let label = where;
    try {
      if (!doc.apiVersion || !doc.kind) throw new Error("apiVersion and kind are required");
      label = `${where} ${doc.kind} ${doc.metadata?.name ?? "?"} (${doc.apiVersion})`;
      const mod = await import(modelModule(doc.apiVersion)).catch(() => null);
      const Model = mod && mod[doc.kind];
      if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
      try { new Model(doc).validate(); } catch (e) { errors.push(...String(e.message).split(", ")); }
      const moduleDir = path.join(nodeModules, modelModule(doc.apiVersion));
      strictCheck(doc, path.join(moduleDir, `${doc.kind}.d.ts`), "", errors);
      projectRules(doc, errors);
    } catch (e) { errors.push(e.message); }
    checked++;
    if (errors.length) { failed++; console.log(`FAIL ${label}`); errors.forEach((e) => console.log(`     ${e}`)); }
    else console.log(`ok   ${label}`);
  }
}
console.log(`${checked} manifests checked, ${failed} invalid`);
process.exit(failed || checked === 0 ? 1 : 0);
