// TypeScript declarations for elcompare.js (the embed bundle). Hand-written; the end-to-end
// test tests/e2e/package.test.mjs checks that they name every option the bundle accepts.

/** A ranked option as the widget reports it; `score` is 0–100, one decimal. */
export interface Ranked {
  id: string;
  name: string;
  score: number;
}

/** `detail` of the `elcompare-change` event (and `state().detail`). */
export interface ChangeDetail {
  winner: Ranked | null;
  /** Best first. */
  ranking: Ranked[];
  /** Criterion id → weight 0–10. */
  weights: Record<string, number>;
}

export interface MustHaves {
  /** Must-have flag ids, e.g. "fips". */
  flags: string[];
  /** Required architecture, e.g. "aarch64". */
  arch: string | null;
  /** At least this many years of security updates. */
  min_years: number | null;
}

/** What `handle.state()` returns; every field can be given back to `mount` or `update`. */
export interface State {
  detail: ChangeDetail;
  preset: string | null;
  /** Version id the visitor runs now, "id:servers,…" for a mixed fleet; null for a new install. */
  current: string | null;
  /** Whether paid extended support counts in years left and the years must-have. */
  countPaid: boolean;
  /** Option ids in the side-by-side table. */
  compare: string[];
  must: MustHaves;
  /** The whole setup in the compact form the URL fragment uses. */
  fragment: string;
}

export type Theme = "auto" | "light" | "dark" | "inherit";
export type View = "full" | "compact" | "recommendation";
export type Section =
  | "situation" | "recommendation" | "ranking" | "priorities" | "must-haves"
  | "compare" | "timeline" | "migration" | "sources";

/** Options of `mount` and `update`: the element's attributes, plus the shapes `state()` returns. */
export interface Options {
  preset?: string;
  /** 2–4 option ids: "almalinux,rocky" or ["almalinux", "rocky"]. */
  options?: string | string[];
  /** Same as `options` (the name `state()` uses). */
  compare?: string[];
  /** A version id, "new", null for a new install, or a mixed fleet: "centos-linux-7:150,centos-stream-8:50"
   *  or [{ version: "centos-linux-7", servers: 150 }, …] (at most 20 groups and 1 000 000 servers). */
  current?: string | null | Array<string | { version: string; servers: number }>;
  /** Count paid extended support in years left and the years must-have. */
  countPaid?: boolean;
  /** "8,2,6,…" (one per criterion, in dataset order), "stability:8,cost:2", or { stability: 8 }. */
  weights?: string | Record<string, number>;
  /** "f:fips,secure-boot;a:aarch64;y:5" or { flags, arch, min_years }. */
  must?: string | Partial<MustHaves>;
  /** A whole setup in the fragment's compact form (`state().fragment`). */
  fragment?: string;
  /** `state().detail`: its weights are applied; winner and ranking are results and ignored. */
  detail?: Partial<ChangeDetail>;
  view?: View;
  /** Parts to show, in any order: "situation,recommendation,ranking" or an array. */
  sections?: string | Section[];
  /** Replaces the built-in title; "" hides it. */
  heading?: string;
  /** Level of the title (2–6, default 2); the widget's own sub-headings follow it. */
  headingLevel?: number | string;
  theme?: Theme;
  /** CSS selector of a <script type="application/json"> holding your own dataset. */
  dataset?: string;
  share?: "on" | "off";
  /** YYYY-MM-DD used as today. */
  today?: string;
  /** Interface language ("en", "de"); default: the page's (closest lang), then the browser's. */
  lang?: string;
}

export interface Handle {
  /** Resolves once the widget shows the change; rejects with a readable Error (also shown). */
  update(options: Options): Promise<void>;
  /** null once destroyed. */
  state(): State | null;
  /** Removes the widget and its key from the URL; later `update` calls reject. */
  destroy(): void;
}

/** Mounts a widget into any element (it gets an open shadow root). */
export function mount(element: Element, options?: Options): Promise<Handle>;

export type ElcompareChangeEvent = CustomEvent<ChangeDetail>;

declare global {
  interface HTMLElementTagNameMap {
    "el-compare": HTMLElement;
  }
  interface HTMLElementEventMap {
    "elcompare-change": ElcompareChangeEvent;
  }
}
