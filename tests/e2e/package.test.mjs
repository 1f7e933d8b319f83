// The embed folder as the ecosystem expects it (issue 14): an npm package (checked with
// `npm pack --dry-run`), a Custom Elements Manifest and TypeScript declarations that
// describe what the built bundle really accepts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DIST, ROOT, browserAndServer, ready } from "./lib.mjs";

const EMBED = path.join(DIST, "embed");
const read = (f) => fs.readFileSync(path.join(EMBED, f), "utf8");

const env = browserAndServer();

test("dist/embed is an npm package: npm pack --dry-run lists exactly its files; exports and customElements resolve", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: EMBED, encoding: "utf8" });
  const [info] = JSON.parse(out);
  const version = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
  assert.equal(info.name, "elcompare");
  assert.equal(info.version, version, "the package version is the crate's");
  assert.deepEqual(info.files.map((f) => f.path).sort(),
    ["README.md", "custom-elements.json", "elcompare.d.ts", "elcompare.js", "elcompare_bg.wasm", "package.json"]);
  const pkg = JSON.parse(read("package.json"));
  assert.equal(pkg.type, "module");
  const targets = [pkg.main, pkg.types, pkg.customElements, ...Object.values(pkg.exports).flatMap((v) => (typeof v === "string" ? [v] : Object.values(v)))];
  for (const t of targets) assert.ok(fs.existsSync(path.join(EMBED, t)), `${t} exists`);
  assert.equal(pkg.exports["."].types, "./elcompare.d.ts");
});

test("custom-elements.json and elcompare.d.ts describe what the bundle really accepts", async () => {
  const cem = JSON.parse(read("custom-elements.json"));
  const [mod] = cem.modules;
  const el = mod.declarations.find((d) => d.customElement);
  assert.equal(el.tagName, "el-compare");
  assert.deepEqual(mod.exports.map((e) => e.name).sort(), ["el-compare", "mount"]);

  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.srv.url}/examples/basic.html`);
  await ready(page);
  const live = await page.evaluate(async () => {
    const { mount } = await import("/embed/elcompare.js");
    let known = "";
    try {
      await mount(document.body.appendChild(document.createElement("div")), { zzz: 1 });
    } catch (err) {
      known = /\(known: ([^)]+)\)/.exec(err.message)[1];
    }
    return { observed: customElements.get("el-compare").observedAttributes, known: known.split(", ") };
  });
  await context.close();
  // Attributes: the manifest's are the element's observed attributes.
  assert.deepEqual(el.attributes.map((a) => a.name).sort(), [...live.observed].sort());
  // CSS properties: the manifest's are the --elcompare-* the stylesheet reads and the README lists.
  const css = fs.readFileSync(path.join(ROOT, "styles/elcompare.css"), "utf8");
  const used = [...new Set([...css.matchAll(/var\((--elcompare-[a-z-]+)/g)].map((m) => m[1]))].sort();
  assert.deepEqual(el.cssProperties.map((p) => p.name).sort(), used);
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  for (const p of used) assert.ok(readme.includes(`\`${p}\``), `README documents ${p}`);
  assert.deepEqual(el.events.map((e) => e.name), ["elcompare-change"]);
  // Types: every key mount() accepts is in the Options interface, and nothing else.
  const dts = read("elcompare.d.ts");
  const options = /export interface Options \{([\s\S]*?)\n\}/.exec(dts)[1];
  const declared = [...options.matchAll(/^\s+([a-zA-Z]+)\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, [...live.known].sort());
  for (const name of ["export function mount(", "export interface Handle", "export interface ChangeDetail", "\"elcompare-change\": ElcompareChangeEvent"]) {
    assert.ok(dts.includes(name), `elcompare.d.ts declares ${name}`);
  }
});
