// Migration plans for a mixed fleet and the paid-extended-support switch (issue 12), on the
// built single file from file:// and through the JS API over http://127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openDetails, openWith, ready, serve, singleCopy } from "./lib.mjs";

const W = "el-compare";
let browser;
let url;
before(async () => { browser = await launch(); url = singleCopy(); });
after(async () => { await browser.close(); });

async function widget(t, hash = "", options = {}) {
  const { page, log, context } = await openWith(browser, url + hash, options);
  t.after(() => context.close());
  await ready(page);
  return { page, log };
}

/** The widget's fragment value once it has been written after a visitor's change. */
async function fragmentAfter(page, check) {
  await page.waitForFunction((re) => new RegExp(re).test(decodeURIComponent(location.hash)), check.source);
  return decodeURIComponent(await page.evaluate(() => location.hash));
}

test("a mixed fleet from a shared link: one plan per group, weighted reasons, the picker says so", async (t) => {
  const { page, log } = await widget(t, "#elc=p:migrate-centos7;c:centos-linux-7:150,centos-stream-8:50");
  const planner = page.locator(`${W} .elc-migration`);
  assert.deepEqual(await planner.locator(".elc-group h4").allTextContents(), ["150 × CentOS Linux 7", "50 × CentOS Stream 8"]);
  const groups = planner.locator(".elc-group");
  const alma = (g) => groups.nth(g).locator(".elc-route > summary").filter({ hasText: "AlmaLinux OS:" }).textContent();
  assert.match(await alma(0), /AlmaLinux 8 via ELevate \(1 step, official/);
  assert.match(await alma(1), /AlmaLinux 8 via almalinux-deploy \(1 step, official/);
  // Rocky: no documented in-place route from CentOS 7; migrate2rocky from CentOS Stream 8.
  const rocky = (g) => groups.nth(g).locator(".elc-route > summary").filter({ hasText: "Rocky Linux:" }).textContent();
  assert.match(await rocky(0), /^Rocky Linux: reinstall on Rocky Linux 10/);
  assert.match(await rocky(1), /^Rocky Linux: Rocky Linux 8 via migrate2rocky \(1 step, official; security updates to 2029-05-31\)/);
  assert.equal(await page.locator(`${W} #elc-cur option:checked`).textContent(), "A mixed fleet (see the migration plan)");
  // The editor shows both groups with their counts.
  assert.deepEqual(await page.locator(`${W} .elc-fleet-rows input`).evaluateAll((xs) => xs.map((x) => x.value)), ["150", "50"]);
  // The score's migration detail names both groups (as in the reasons).
  await openDetails(page.locator(`${W} .elc-rank`).first().locator(".elc-detail"));
  const detail = await page.locator(`${W} .elc-rank`).first().textContent();
  assert.match(detail, /150 × CentOS Linux 7: .*; 50 × CentOS Stream 8: /);
  assert.deepEqual(log.errors, []);
});

test("the fleet editor: add a group, set counts; a bad count is refused with a message", async (t) => {
  const { page, log } = await widget(t);
  await page.locator(`${W} #elc-cur`).selectOption("centos-linux-7");
  await page.getByRole("button", { name: "Add a group" }).click();
  const rows = page.locator(`${W} .elc-fleet-rows li`);
  assert.equal(await rows.count(), 2);
  await rows.nth(1).locator("select").selectOption("centos-stream-8");
  await rows.nth(0).locator("input").fill("150");
  await rows.nth(0).locator("input").dispatchEvent("change");
  await rows.nth(1).locator("input").fill("50");
  await rows.nth(1).locator("input").dispatchEvent("change");
  const hash = await fragmentAfter(page, /c:centos-linux-7:150,centos-stream-8:50/);
  assert.match(hash, /c:centos-linux-7:150,centos-stream-8:50/);
  await rows.nth(1).locator("input").fill("0");
  await rows.nth(1).locator("input").dispatchEvent("change");
  assert.match(await page.locator(`${W} .elc-fleet-error`).textContent(), /“0” is not a server count: enter a whole number from 1 to 1000000/);
  assert.deepEqual(await page.locator(`${W} .elc-group h4`).allTextContents(), ["150 × CentOS Linux 7", "50 × CentOS Stream 8"], "the fleet is unchanged");
  // Removing a group leaves a single current system.
  await page.getByRole("button", { name: "Remove group 2" }).click();
  assert.equal(await page.locator(`${W} .elc-group h4`).count(), 0);
  assert.equal(await page.locator(`${W} #elc-cur`).inputValue(), "centos-linux-7");
  assert.deepEqual(log.errors, []);
});

test("count paid extended support: years left and the years must-have include the paid offers, and say so", async (t) => {
  const { page, log } = await widget(t);
  await page.locator(`${W} #elc-years`).selectOption("10");
  const excluded = () => page.locator(`${W} .elc-results`).textContent();
  assert.match(await excluded(), /only 8\.5 years of published security updates left \(need 10 years\)/);
  await page.getByRole("checkbox", { name: /Count paid extended support/ }).check();
  const hash = await fragmentAfter(page, /x:1/);
  assert.match(hash, /y:10/);
  assert.match(await excluded(), /counting paid extended support \(need 10 years\)/);
  const first = page.locator(`${W} .elc-rank`).first();
  assert.equal(await first.locator(".elc-rank-name").textContent(), "Red Hat Enterprise Linux");
  await openDetails(first.locator(".elc-detail"));
  assert.match(await first.textContent(), /12\.5 years left \(RHEL 10, until 2039-05-31\), counting paid extended support/);
  // The link restores the switch.
  const again = await openWith(browser, url + hash.replace(/^#/, "#"));
  t.after(() => again.context.close());
  await ready(again.page);
  assert.equal(await again.page.getByRole("checkbox", { name: /Count paid extended support/ }).isChecked(), true);
  assert.deepEqual(log.errors, []);
});

test("JS API: current takes the list form; the single id still works; bad fleets reject readably", async () => {
  const srv = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${srv.url}/examples/api.html`);
    await ready(page, "#widget");
    const out = await page.evaluate(async () => {
      const { mount } = await import("/embed/elcompare.js");
      const el = document.body.appendChild(document.createElement("div"));
      const h = await mount(el, { current: [{ version: "centos-linux-7", servers: 150 }, { version: "centos-stream-8", servers: 50 }], today: "2026-11-29", share: "off" });
      const r = { list: h.state().current, plans: el.shadowRoot.querySelectorAll(".elc-group h4").length };
      await h.update({ current: "centos-linux-8" });
      r.single = h.state().current;
      await h.update({ current: "centos-linux-7:3,rocky-9:2" });
      r.text = h.state().current;
      r.bad = {};
      for (const [name, current] of Object.entries({
        zero: "centos-linux-7:0,rocky-9:2", unknown: [{ version: "windows-95", servers: 3 }, "rocky-9:1"],
        tooMany: "centos-linux-7:900000,rocky-9:200000", notAList: [42],
      })) {
        try { await h.update({ current }); r.bad[name] = "resolved"; } catch (e) { r.bad[name] = e.message; }
      }
      r.after = h.state().current;
      h.destroy();
      return r;
    });
    assert.equal(out.list, "centos-linux-7:150,centos-stream-8:50");
    assert.equal(out.plans, 2);
    assert.equal(out.single, "centos-linux-8");
    assert.equal(out.text, "centos-linux-7:3,rocky-9:2");
    assert.equal(out.bad.zero, 'current "centos-linux-7:0,rocky-9:2": the server count "0" for "centos-linux-7" is not a whole number from 1 to 1000000');
    assert.equal(out.bad.unknown, 'current "windows-95:3,rocky-9:1": unknown current system "windows-95"');
    assert.equal(out.bad.tooMany, 'current "centos-linux-7:900000,rocky-9:200000": a fleet has at most 1000000 servers in all, not 1100000');
    assert.match(out.bad.notAList, /^current must be a version id/);
    assert.equal(out.after, "centos-linux-7:3,rocky-9:2", "a rejected update changes nothing");
  } finally {
    await context.close();
    await srv.close();
  }
});
