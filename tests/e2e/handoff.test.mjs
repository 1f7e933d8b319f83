// "Hand it on" (issue 13): the printed report (PDF from headless Chromium, read back with
// poppler's pdfinfo/pdftotext), the Markdown decision record (parsed by markdown-it, a
// CommonMark parser with tables), the CSV files, the offline copy with its setup inside,
// and the same actions inside the embed's shadow root under a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";
import { ROOT, TODAY, launch, openWith, ready, ranking, serve, setWeight, singleCopy } from "./lib.mjs";

const DATASET = JSON.parse(fs.readFileSync(path.join(ROOT, "data/distros.json"), "utf8"));
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), "elc-handoff-"));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The three setups the issue names, applied through the interface. */
const SETUPS = {
  default: async () => {},
  "leaving-centos-7": async (page) => {
    await page.locator("el-compare .elc-preset", { hasText: "Leaving CentOS Linux 7" }).click();
  },
  "custom-must-haves": async (page) => {
    await page.locator("el-compare .elc-musts .elc-check", { hasText: "Secure Boot" }).locator("input").check();
    await page.locator("el-compare .elc-musts .elc-check", { hasText: "Official container images" }).locator("input").check();
    await page.locator("el-compare #elc-years").selectOption("5");
    await page.locator("el-compare #elc-cur").selectOption("centos-linux-8");
    await setWeight(page, "Cost", 10);
  },
};

async function openSingle(setup) {
  const url = singleCopy({ today: TODAY });
  const opened = await openWith(browser, url);
  await ready(opened.page);
  await SETUPS[setup](opened.page);
  // The fragment (and so the share link) follows once input pauses.
  await opened.page.waitForTimeout(400);
  return { ...opened, url };
}

/** What the widget shows: ranking names and scores, the headline, the share link. */
async function shown(page) {
  const names = await ranking(page);
  const scores = (await page.locator("el-compare .elc-rank-score").allTextContents()).map((s) => s.match(/^\d+\.\d/)[0]);
  const headline = (await page.locator("el-compare .elc-winner").textContent()).trim();
  const link = await page.locator("el-compare .elc-link").inputValue();
  return { names, scores, headline, link };
}

function pdfPages(file) {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
}

function pdfText(file) {
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
}

/** Citation numbers before the printed source list, and the numbers the list gives. */
function citations(text) {
  // The heading ends a line and starts one, or a page (pdftotext puts a form feed there).
  const heading = [...text.matchAll(/[\n\f]Sources\n/g)].pop();
  const at = heading ? heading.index : -1;
  assert.ok(at > 0, "the report prints a source list");
  const nums = (s) => [...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return { cited: new Set(nums(text.slice(0, at))), listed: new Set(nums(text.slice(at))) };
}

const pageCounts = {};

for (const setup of Object.keys(SETUPS)) {
  test(`printed report, ${setup}: A4 and US Letter, every citation listed, no controls, the setup link`, async () => {
    const { page, context, log } = await openSingle(setup);
    const widget = await shown(page);
    for (const format of ["A4", "Letter"]) {
      const file = path.join(OUT, `report-${setup}-${format}.pdf`);
      // Browser-default margins; printing fires beforeprint, which builds the report.
      await page.pdf({ path: file, format, margin: { top: "0.4in", bottom: "0.4in", left: "0.4in", right: "0.4in" } });
      const pages = pdfPages(file);
      pageCounts[`${setup} ${format}`] = pages;
      const limit = setup === "default" ? 3 : 4;
      assert.ok(pages <= limit, `${setup} on ${format}: ${pages} pages (at most ${limit})`);
      const text = pdfText(file);
      const flat = text.replace(/\s+/g, " ");
      assert.match(flat, /Decision report: Which enterprise Linux after CentOS\?/);
      assert.ok(flat.includes(`Prepared ${TODAY} · facts as of ${DATASET.as_of}`), "date and data as-of");
      assert.ok(flat.includes(widget.headline), `the widget's headline: ${widget.headline}`);
      for (const heading of ["Recommendation", "What it is based on", "Ranking", "Why the top options score as they do",
        "Side by side", "Lifecycle", "Migration plan", "Sources"]) {
        assert.ok(text.includes(heading), `section ${heading}`);
      }
      for (const [i, name] of widget.names.entries()) {
        assert.match(flat, new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ${widget.scores[i]} of 100`), `ranking: ${name} ${widget.scores[i]}`);
      }
      const { cited, listed } = citations(text);
      assert.ok(cited.size > 10, `cites sources (${cited.size})`);
      assert.deepEqual([...cited].filter((n) => !listed.has(n)), [], "every printed citation has its source printed");
      assert.deepEqual([...listed].filter((n) => !cited.has(n)), [], "only cited sources are listed");
      const joined = text.replace(/\s+/g, "");
      for (const n of listed) {
        assert.ok(joined.includes(DATASET.sources[n - 1].url.replace(/^https:\/\//, "")), `[${n}] prints its URL`);
      }
      assert.ok(text.replace(/\s+/g, "").includes(widget.link), `the setup link ${widget.link} is printed`);
      if (widget.link.startsWith("http")) {
        assert.ok(execFileSync("pdfinfo", ["-url", file], { encoding: "utf8" }).includes(widget.link), "and is a link in the PDF");
      }
      for (const control of ["Reset all weights", "Print report", "Copy link", "Compare 2 to 4", "How much does each matter", "Dismiss"]) {
        assert.ok(!flat.includes(control), `no control text "${control}"`);
      }
    }
    // The same page under print media: no control is laid out, nothing is in colour.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    const check = await page.locator("el-compare").evaluate((host) => {
      const root = host.shadowRoot;
      const report = root.querySelector(".elc-report");
      const controls = [...root.querySelectorAll("input, button, select, textarea, summary")]
        .filter((el) => el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 60));
      const chroma = (c) => {
        const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(c);
        return m ? Math.max(m[1], m[2], m[3]) - Math.min(m[1], m[2], m[3]) : 0;
      };
      const coloured = [];
      for (const el of [report, ...report.querySelectorAll("*")]) {
        const cs = getComputedStyle(el);
        for (const prop of ["color", "fill", "stroke", "background-color"]) {
          if (chroma(cs[prop]) > 8) coloured.push(`${el.tagName} ${prop} ${cs[prop]}`);
        }
      }
      const labels = [...report.querySelectorAll(".elc-r-bar text")].map((t) => t.textContent);
      return { controls, coloured: coloured.slice(0, 5), labels, shown: report.getClientRects().length > 0 };
    });
    assert.ok(check.shown, "the report is laid out in print");
    assert.deepEqual(check.controls, [], "no form controls in print");
    assert.deepEqual(check.coloured, [], "black, white and greys only");
    assert.ok(check.labels.length >= widget.names.length, `bar segments carry criterion numbers: ${check.labels}`);
    await page.emulateMedia({ media: "screen" });
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.equal(await page.locator("el-compare .elc-report").count(), 0, "the report is gone after printing");
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.requests.filter((u) => !u.startsWith("file:")), [], "no request");
    await context.close();
  });
}

test("page counts", () => {
  // Printed for the report; figures in README.
  console.log(`# printed pages: ${JSON.stringify(pageCounts)}`);
  assert.ok(Object.keys(pageCounts).length > 0);
});

/** Clicks a button (by name) and returns the download's text and file name. */
async function download(page, name, { keyboard = false, within = "el-compare .elc-handoff" } = {}) {
  const button = page.locator(within).getByRole("button", { name });
  const wait = page.waitForEvent("download");
  if (keyboard) {
    await button.focus();
    await page.keyboard.press("Enter");
  } else {
    await button.click();
  }
  const dl = await wait;
  const file = path.join(OUT, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8"), file };
}

/** The Markdown's sections (h2 text → tokens), its tables and its citation links. */
function readMarkdown(text) {
  const tokens = new MarkdownIt().parse(text, {});
  const headings = [];
  const tables = {};
  const links = [];
  let section = "";
  let row = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "heading_open") {
      const title = tokens[i + 1].content;
      headings.push(`${t.tag} ${title}`);
      if (t.tag === "h2") section = title;
    }
    if (t.type === "tr_open") row = [];
    if (t.type === "tr_close") { (tables[section] ||= []).push(row); row = null; }
    if (t.type === "inline") {
      const plain = (t.children || []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");
      if (row) row.push(plain);
      const kids = t.children || [];
      for (let k = 0; k < kids.length; k++) {
        if (kids[k].type === "link_open") links.push({ section, href: kids[k].attrGet("href"), text: kids[k + 1].content });
      }
    }
  }
  const html = new MarkdownIt().render(text);
  return { headings, tables, links, html };
}

for (const setup of Object.keys(SETUPS)) {
  test(`decision record, ${setup}: CommonMark with tables, the widget's numbers, sources resolve to the dataset`, async () => {
    const { page, context } = await openSingle(setup);
    const widget = await shown(page);
    const md = await download(page, /Download decision record/);
    assert.equal(md.name, `elcompare-decision-${TODAY}.md`);
    const doc = readMarkdown(md.text);
    for (const h of ["Context", "Options considered", "Decision", "Consequences", "Sources"]) {
      assert.ok(doc.headings.includes(`h2 ${h}`), `section ${h}: ${doc.headings}`);
    }
    assert.ok(!/<(?!\/?(h\d|p|ul|ol|li|table|thead|tbody|tr|th|td|strong|em|a|code)\b)/.test(doc.html.replace(/<a href="[^"]*">/g, "<a>").replace(/ style="[^"]*"/g, "")),
      "renders to plain document markup only (no raw HTML from the data)");
    const options = doc.tables["Options considered"];
    assert.ok(options, "options as a table");
    assert.deepEqual(options.slice(1).map((r) => r[1]), widget.names, "the widget's ranking");
    assert.deepEqual(options.slice(1).map((r) => r[2]), widget.scores, "the widget's scores");
    assert.ok(doc.html.includes(widget.headline.replace(/&/g, "&amp;")), `the headline ${widget.headline}`);
    const weights = doc.tables.Context;
    assert.equal(weights.length, 1 + DATASET.criteria.length, "one weight row per criterion");
    const cites = doc.links.filter((l) => /^\[\d+\]$/.test(l.text));
    assert.ok(cites.length > 5, "cites its sources");
    for (const c of cites) {
      const n = Number(c.text.slice(1, -1));
      assert.equal(c.href, DATASET.sources[n - 1].url, `[${n}] links to the dataset's URL`);
    }
    const listed = doc.links.filter((l) => l.section === "Sources");
    const citedNums = new Set(cites.map((c) => c.text));
    assert.equal(listed.length, citedNums.size, "each cited source listed once");
    for (const l of listed) assert.ok(DATASET.sources.some((s) => s.url === l.href && s.title === l.text), `listed ${l.text}`);
    if (widget.link.startsWith("http")) assert.ok(doc.links.some((l) => l.href === widget.link), "the share link");
    else assert.ok(md.text.replace(/\\/g, "").includes(widget.link), "the setup's file address, as text");
    await context.close();
  });
}

/** RFC 4180 records (BOM stripped). */
function parseCsv(text) {
  assert.ok(text.startsWith("\uFEFF"), "UTF-8 byte order mark for spreadsheets");
  const rows = [];
  let row = [], field = "", quoted = false;
  const s = text.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && s[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else { assert.notEqual(c, "\n", "no bare LF outside quotes"); field += c; }
  }
  assert.equal(field + row.join(""), "", "ends with CRLF");
  return rows;
}

test("CSV: the ranking with per-criterion points and the side-by-side table; keyboard-reachable, announced", async () => {
  const { page, context } = await openSingle("custom-must-haves");
  const widget = await shown(page);
  const csv = await download(page, /Download ranking/, { keyboard: true });
  const status = page.locator("el-compare .elc-action-status");
  assert.equal(await status.getAttribute("role"), "status");
  assert.equal((await status.textContent()).trim(), `Downloaded ${csv.name}.`);
  const rows = parseCsv(csv.text);
  assert.equal(rows[0].length, 3 + 2 * DATASET.criteria.length + 1);
  assert.ok(rows.every((r) => r.length === rows[0].length), "rectangular");
  const ranked = rows.slice(1).filter((r) => r[0] !== "");
  assert.deepEqual(ranked.map((r) => r[1]), widget.names);
  assert.deepEqual(ranked.map((r) => r[2]), widget.scores, "the same one-decimal scores");
  for (const r of ranked) {
    const sum = DATASET.criteria.reduce((acc, _, i) => acc + Number(r[4 + 2 * i]), 0);
    assert.equal(sum.toFixed(1), r[2], `${r[1]}: points add up exactly to the score`);
  }
  assert.ok(rows.slice(1).some((r) => r[0] === "" && r.at(-1).length > 0), "excluded options with reasons");
  const table = parseCsv((await download(page, /side-by-side table/)).text);
  const rated = DATASET.criteria.filter((c) => ["scale", "number", "yes_no"].includes(c.scoring.kind));
  assert.equal(table.length, 1 + DATASET.dimensions.length + rated.length + DATASET.flags.length, "facts, ratings, must-have features");
  const picked = await page.locator("el-compare .elc-compare thead th").allTextContents();
  assert.deepEqual(table[0].slice(2).filter((_, i) => i % 2 === 0), picked.slice(1));
  assert.deepEqual(table.slice(1).map((r) => r[1]), [...DATASET.dimensions.map((d) => d.name), ...rated.map((c) => c.name), ...DATASET.flags.map((f) => f.name)]);
  await context.close();
});

test("offline copy: Copy link says it works only here; the saved copy opens from another folder with the same setup and no request", async () => {
  const { page, context } = await openSingle("custom-must-haves");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]).catch(() => {});
  await page.getByRole("button", { name: "Copy link to this setup" }).click();
  const note = page.locator("el-compare .elc-share .elc-local");
  assert.match(await note.textContent(), /works only here/);
  const before = await shown(page);
  const weights = await page.locator("el-compare .elc-weight input[type=range]").evaluateAll((els) => els.map((e) => e.value));
  const saved = await download(page, "Save a copy with this setup", { keyboard: true, within: "el-compare .elc-share" });
  assert.match(saved.name, /^elcompare-setup-\d{4}-\d{2}-\d{2}\.html$/);
  assert.match(await page.locator("el-compare .elc-action-status").textContent(), /opens anywhere/);
  assert.ok(saved.text.startsWith("<!doctype html>"));
  assert.ok(saved.text.includes('<meta name="elcompare-setup"'), "the setup is in the page");
  // Another folder, another browser context, no fragment in the address.
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "elc-elsewhere-"));
  const copy = path.join(elsewhere, "os-decision.html");
  fs.copyFileSync(saved.file, copy);
  const url = pathToFileURL(copy).href;
  const other = await openWith(browser, url);
  await ready(other.page);
  const after = await shown(other.page);
  assert.deepEqual(after.names, before.names);
  assert.deepEqual(after.scores, before.scores);
  assert.equal(after.headline, before.headline);
  assert.deepEqual(await other.page.locator("el-compare .elc-weight input[type=range]").evaluateAll((els) => els.map((e) => e.value)), weights);
  assert.equal(new URL(after.link).hash, new URL(before.link).hash, "the same setup");
  assert.ok(await other.page.locator("el-compare .elc-musts input[type=checkbox]:checked").count() >= 2, "must-haves kept");
  assert.deepEqual(other.log.requests, [url], "the copy requests nothing but itself");
  assert.deepEqual(other.log.errors, []);
  // Saving again from the copy replaces its setup rather than adding a second one.
  await setWeight(other.page, "Stability", 0);
  await other.page.waitForTimeout(400);
  const again = await download(other.page, "Save a copy with this setup");
  assert.equal(again.text.split('name="elcompare-setup"').length, 2, "one setup element");
  await other.context.close();
  await context.close();
});

test("inside the embed's shadow root under the strict CSP + Trusted Types page: downloads and printing work, no violation", async () => {
  const srv = await serve(undefined, (p) => p.endsWith("intranet-csp.html") ? {
    "Content-Security-Policy": "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types 'none'",
  } : {});
  try {
    const { page, log, context } = await openWith(browser, `${srv.url}/examples/intranet-csp.html`);
    await ready(page);
    const widget = await shown(page).catch(async () => ({ names: await ranking(page) }));
    const md = await download(page, /Download decision record/);
    assert.deepEqual(readMarkdown(md.text).tables["Options considered"].slice(1).map((r) => r[1]), widget.names);
    await download(page, /Download ranking/);
    assert.equal(await page.getByRole("button", { name: "Save a copy with this setup" }).count(), 0, "only the single file saves itself");
    const file = path.join(OUT, "intranet.pdf");
    await page.pdf({ path: file, format: "A4" });
    const { cited, listed } = citations(pdfText(file));
    assert.deepEqual([...cited].filter((n) => !listed.has(n)), []);
    // The print button builds the report before it opens the dialog.
    await page.evaluate(() => { window.elcPrinted = 0; window.print = () => { window.elcPrinted++; }; });
    await page.getByRole("button", { name: "Print report" }).click();
    await page.waitForFunction(() => window.elcPrinted === 1);
    assert.equal(await page.locator("el-compare .elc-report").count(), 1);
    const problems = log.console.filter((m) => /Content.Security.Policy|Trusted.Type|Refused/i.test(m));
    assert.deepEqual(problems, [], "no CSP or Trusted Types violation");
    assert.deepEqual(log.errors, []);
    assert.ok(log.requests.every((u) => u.startsWith(srv.url)), "only its own files");
    await context.close();
  } finally {
    await srv.close();
  }
});

test("a blocked download says so and the widget keeps working", async () => {
  const srv = await serve();
  try {
    const { page, log, context } = await openWith(browser, `${srv.url}/examples/basic.html`);
    await ready(page);
    await page.evaluate(() => { URL.createObjectURL = () => { throw new Error("blocked by this page"); }; });
    await page.getByRole("button", { name: /Download decision record/ }).click();
    const status = page.locator("el-compare .elc-action-status");
    assert.match(await status.textContent(), /could not be created \(blocked by this page\).*keeps working/);
    assert.ok(await status.evaluate((el) => el.classList.contains("elc-failed")));
    const before = await ranking(page);
    await setWeight(page, "Stability", 0);
    await setWeight(page, "Feature freshness", 10);
    await setWeight(page, "Release lag", 10);
    assert.notDeepEqual(await ranking(page), before, "still re-ranks");
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await srv.close();
  }
});
