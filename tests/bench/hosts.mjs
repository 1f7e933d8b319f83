// Host pages for the "good guest" bench (tests/bench/guest.mjs): one realistic blog article,
// written to dist/bench/, with no widget, one mid-article, three, one at the top (a bare
// element, with README's reservation rule, and as "Copy embed code" writes it), and ten.
// The pages load the embed bundle the way the README tells a blogger to.
import fs from "node:fs";
import path from "node:path";

const PARAGRAPHS = [
  "When CentOS Linux 8 reached its end of life years ahead of the date many of us had planned around, a lot of teams found themselves with a fleet, a budget and no obvious successor. This article walks through how we chose ours, what we measured, and what we would do differently next time.",
  "The first thing to settle is what you actually need. A build farm that is rebuilt every quarter has very different needs from a database cluster that must run untouched for five years, and a hosting provider selling control-panel servers has different needs again.",
  "We started by writing down, for every group of servers, how long it must stay on one major version, which third-party software has to be certified on it, whether anyone will pay for a support contract, and how much of the migration work we can afford to do by hand.",
  "Stability was the headline requirement for the core services. Those machines run a vendor's accounting package that is certified on exactly one enterprise distribution family, and the vendor answers support calls only when the operating system is a supported release with current updates.",
  "Feature freshness mattered for the developer workstations and the CI runners. Developers wanted newer compilers and container tooling than an enterprise release ships in its first year, but they did not want to chase a rolling distribution either.",
  "Support and cost pulled in opposite directions. A subscription gives a phone number to call at three in the morning, and it also shows up on the budget every year. The community rebuilds cost nothing to license, and commercial support for them exists from several companies.",
  "The comparison below is the tool we ended up using to make the trade-offs explicit. Move the sliders to say how much each criterion matters to you, add the must-haves, and read the reasons it gives for its recommendation before you trust it.",
  "The migration itself turned out to be the smallest part of the work. The conversion tools for moving an existing CentOS installation in place to a rebuild are mature, and for the machines where we did not trust an in-place conversion we rebuilt from configuration management.",
  "What took time was everything around it: testing the backup agents, checking that the monitoring still parsed the release files, updating the documentation, and explaining to management why the choice was the right one for the next ten years and not just the next quarter.",
  "Lifecycle dates deserve more attention than they usually get. A release that is supported for ten years on paper may still force a major upgrade halfway through if the software you run on it drops support for the older version first.",
  "For mixed fleets, the honest answer is often that there is no single best choice. We ended up with one distribution for the certified workloads and a different one for everything else, with the same configuration management on both.",
  "If you are starting the same exercise now, begin with the inventory, be explicit about what each group of machines needs, and keep the reasons written down. The decision will be questioned again, and the written reasons are what will answer the question.",
];

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; font: 18px/1.6 Georgia, "Times New Roman", serif; color: #222; background: #fdfdfb; }
  header.site { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; flex-wrap: wrap;
    padding: .75rem 1.25rem; border-bottom: 1px solid #ddd; font: 15px/1.4 system-ui, sans-serif; }
  header.site a { color: #0b5394; text-decoration: none; margin-right: 1rem; }
  .brand { font-weight: 700; font-size: 1.1rem; color: #222; }
  main { max-width: 44rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 2.1rem; line-height: 1.2; margin: .5rem 0 .25rem; }
  h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
  .byline { color: #666; font: 14px/1.4 system-ui, sans-serif; margin: 0 0 1.5rem; }
  blockquote { border-left: 4px solid #ccc; margin: 1.5rem 0; padding: .25rem 1rem; color: #444; }
  pre { background: #f3f3f0; padding: .75rem 1rem; overflow-x: auto; font-size: 15px; }
  el-compare { margin: 1.5rem 0; }
  footer { border-top: 1px solid #ddd; padding: 1rem 1.25rem 2rem; font: 14px/1.4 system-ui, sans-serif; color: #666; }`;

/** README's rule for a host page: the element holds a screen's height before its script runs. */
export const RESERVE = "el-compare { display: block; min-height: 100vh; }";

/** Widget markup for the three placements; `slot` is the paragraph index it follows (-1: top). */
const WIDGETS = {
  none: [],
  one: [{ after: 6, attrs: 'preset="production" options="almalinux,rocky,rhel" current="centos-linux-7"' }],
  three: [
    { after: 2, attrs: 'preset="production"' },
    { after: 6, attrs: 'preset="hosting" options="almalinux,rocky"' },
    { after: 10, attrs: 'preset="migrate-centos7" current="centos-linux-7"' },
  ],
  top: [{ after: -1, attrs: 'preset="production" options="almalinux,rocky,rhel"' }],
  // The same, with the one CSS rule README suggests to reserve the widget's space.
  "top-reserved": [{ after: -1, attrs: 'preset="production" options="almalinux,rocky,rhel"' }],
  // The default setup as "Copy embed code" and the generator write it: the static version
  // (dist/static.html's, the same snippet::static_html) as the element's content.
  "top-fallback": [{ after: -1, attrs: "", fallback: true }],
  ten: Array.from({ length: 10 }, (_, i) => ({ after: i, attrs: `id="w${i}" share="off"` })),
};

function article(kind, embedSrc, fallback) {
  const widgets = WIDGETS[kind];
  // Each widget as a blogger pastes the README's snippet: the script (a module, so loaded once) and the element.
  const at = (i) => widgets.filter((w) => w.after === i)
    .map((w) => `<script type="module" src="${embedSrc}"></script>\n<el-compare ${w.attrs}>${w.fallback ? `\n${fallback}\n` : ""}</el-compare>`)
    .join("\n");
  const body = [at(-1)];
  PARAGRAPHS.forEach((p, i) => {
    if (i === 3) body.push("<h2>What each group of servers needs</h2>");
    if (i === 7) body.push("<h2>The migration</h2>", "<pre><code>sudo dnf install -y convert2rhel\nsudo convert2rhel --debug</code></pre>");
    if (i === 9) body.push("<blockquote><p>Write the reasons down. The decision will be questioned again.</p></blockquote>");
    body.push(`<p>${p}</p>`, at(i));
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="How we chose a successor to CentOS Linux for a mixed fleet.">
<link rel="icon" href="data:,">
<title>Choosing a successor to CentOS Linux — The Ops Notebook</title>
<style>${STYLE}${kind === "top-reserved" ? `\n  ${RESERVE}` : ""}
</style>
</head>
<body>
<header class="site"><span class="brand">The Ops Notebook</span>
<nav><a href="#">Articles</a><a href="#">Tools</a><a href="#">About</a></nav></header>
<main>
<article>
<h1>Choosing a successor to CentOS Linux</h1>
<p class="byline">By A. Admin · 12 min read</p>
${body.filter(Boolean).join("\n")}
</article>
</main>
<footer><p>© The Ops Notebook. Comparison widget: elcompare.</p></footer>
</body>
</html>
`;
}

/** Writes DIR/bench/<kind>.html for every placement; returns { kind: "bench/<kind>.html" }. */
export function writeHostPages(distDir) {
  const dir = path.join(distDir, "bench");
  fs.mkdirSync(dir, { recursive: true });
  const page = fs.readFileSync(path.join(distDir, "static.html"), "utf8");
  const fallback = page.slice(page.indexOf("<main>") + 6, page.lastIndexOf("</main>"));
  const out = {};
  for (const kind of Object.keys(WIDGETS)) {
    fs.writeFileSync(path.join(dir, `${kind}.html`), article(kind, "../embed/elcompare.js", fallback));
    out[kind] = `bench/${kind}.html`;
  }
  return out;
}
