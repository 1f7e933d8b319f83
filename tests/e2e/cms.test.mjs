// The CMS guides, tested by building real sites (issue 14): Hugo (Debian's `hugo`) with the
// shortcode from dist/hugo/, and MkDocs Material (PyPI's mkdocs-material, installed by
// `cargo xtask setup` into target/mkdocs-venv). Both sites get the embed folder exactly as the
// README says and are served over http://127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DIST, ROOT, launch, record, serve } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Writes `files` ({ relative path: text }) under a fresh temporary folder; returns it. */
function site(prefix, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Serves `dir`, opens `urlPath`, waits for every widget; returns the ids' rankings and the request log. */
async function render(dir, urlPath, count) {
  const srv = await serve(dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(`${srv.url}${urlPath}`);
    const hosts = page.locator("el-compare");
    assert.equal(await hosts.count(), count, "widgets on the page");
    for (let i = 0; i < count; i++) await hosts.nth(i).locator(".elc-rank").first().waitFor({ timeout: 20000 });
    const winners = await hosts.evaluateAll((els) => els.map((el) => el.shadowRoot.querySelector(".elc-winner").textContent));
    for (const u of log.requests) assert.ok(u.startsWith(`${srv.url}/`), `loopback only: ${u}`);
    assert.deepEqual(log.errors, []);
    await context.close();
    return { winners, requests: srv.requests };
  } finally {
    await srv.close();
  }
}

test("Hugo: a real site built with the shortcode from dist/hugo/ renders the widget (a raw tag would be dropped)", async () => {
  const dir = site("elc-hugo-", {
    "hugo.toml": 'baseURL = "/"\ntitle = "Ops notes"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
    "layouts/_default/single.html": '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>' +
      '<link rel="icon" href="data:,"></head><body><main>{{ .Content }}</main></body></html>\n',
    "layouts/index.html": "<!doctype html><title>home</title>\n",
    "content/posts/centos.md": [
      "---", 'title: "Leaving CentOS 7"', "---", "",
      "We compared the options.", "",
      '{{< elcompare preset="migrate-centos7" options="almalinux,rocky" >}}<p id="fallback">AlmaLinux or Rocky Linux?</p>{{< /elcompare >}}', "",
      "A second one, self-closed:", "",
      '{{< elcompare id="hosting" preset="hosting" />}}', "",
      "A raw tag, which Hugo's Markdown renderer drops:", "",
      '<el-compare preset="production"></el-compare>', "",
    ].join("\n"),
  });
  // The files as the README's Hugo steps place them.
  fs.cpSync(path.join(DIST, "hugo/layouts"), path.join(dir, "layouts"), { recursive: true });
  fs.cpSync(path.join(DIST, "embed"), path.join(dir, "static/assets/elcompare"), { recursive: true });
  execFileSync("hugo", ["--source", dir, "--destination", path.join(dir, "public"), "--quiet"], { stdio: "pipe" });
  const html = fs.readFileSync(path.join(dir, "public/posts/centos/index.html"), "utf8");
  assert.equal(html.match(/<script type="module" src="\/assets\/elcompare\/elcompare.js"><\/script>/g)?.length, 1, "one script tag per page");
  assert.match(html, /<!-- raw HTML omitted -->/, "Hugo drops the raw tag, hence the shortcode");
  assert.match(html, /<el-compare preset="migrate-centos7" options="almalinux,rocky"><p id="fallback">/);
  const { winners, requests } = await render(path.join(dir, "public"), "/posts/centos/", 2);
  assert.ok(winners.every((w) => w.startsWith("Recommended: ")), winners.join(" | "));
  assert.ok(requests.includes("/assets/elcompare/elcompare_bg.wasm"));
});

test("MkDocs Material: a real site built by mkdocs-material renders the widget", async () => {
  const mkdocs = path.join(ROOT, "target/mkdocs-venv/bin/mkdocs");
  assert.ok(fs.existsSync(mkdocs), "cargo xtask setup installs mkdocs-material into target/mkdocs-venv");
  const dir = site("elc-mkdocs-", {
    // font: false keeps Material from loading Google Fonts (this test runs offline).
    "mkdocs.yml": [
      "site_name: Ops handbook", "theme:", "  name: material", "  font: false",
      "extra_javascript:", "  - path: assets/elcompare/elcompare.js", "    type: module", "",
    ].join("\n"),
    "docs/index.md": [
      "# Choosing a CentOS successor", "",
      "Weigh what matters to you:", "",
      '<el-compare preset="production" options="almalinux,rocky">', "  <p>An interactive comparison of AlmaLinux and Rocky Linux.</p>", "</el-compare>", "",
      "More text after the widget.", "",
    ].join("\n"),
  });
  fs.cpSync(path.join(DIST, "embed"), path.join(dir, "docs/assets/elcompare"), { recursive: true });
  execFileSync(mkdocs, ["build", "--quiet", "--config-file", path.join(dir, "mkdocs.yml"), "--site-dir", path.join(dir, "site")], { stdio: "pipe" });
  const html = fs.readFileSync(path.join(dir, "site/index.html"), "utf8");
  assert.match(html, /<script src="assets\/elcompare\/elcompare.js" type="module"><\/script>/);
  const { winners } = await render(path.join(dir, "site"), "/", 1);
  assert.match(winners[0], /^Recommended: /);
});
