//! The JS-facing shell: mounting a widget into an element, its handle, host options and
//! the panic box; `host.rs` holds the effects on the host page (event, URL fragment),
//! `js.rs` every JS object handed out and `handoff.rs` the downloads and print events of
//! "Hand it on". The custom element itself is defined in `src/embed/bootstrap.js`, which
//! calls [`mount_widget`]. The `ui` never names this module.

mod handoff;
mod host;
mod js;

use crate::attrs::{self, HostOptions};
use crate::data::{self, Dataset, Date, Problem};
use crate::fragment;
use crate::i18n::{k, Localized, Msg, Tr};
use crate::setup::Setup;
use crate::ui::{App, AppProps, Pushed, Texts};
use crate::view::Presentation;
use host::Reported;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Callback};

/// Options from `mount(element, options)` or the element's attributes.
type Options = HostOptions;

/// A dataset read from its text, or its problems (written in a widget's language when shown).
type Loaded = Result<Rc<Localized>, Failed>;

/// Why a dataset could not be used: the built-in one or a host's, and every problem.
#[derive(Clone)]
struct Failed {
    built_in: bool,
    problems: Rc<Vec<Problem>>,
}

thread_local! {
    /// The built-in dataset with its per-language views, shared by every widget of the page.
    static DEFAULT: RefCell<Option<Rc<Localized>>> = const { RefCell::new(None) };
    /// The host dataset read last, by its text: widgets sharing one are read once.
    static HOST: RefCell<Option<(String, Loaded)>> = const { RefCell::new(None) };
    /// Roots of live widgets, for the panic box.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The id-less host that owns the plain `elc` fragment key (kept across remounts).
    static FIRST_SHARED: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// JSON text → dataset through the browser's JSON.parse and the one validating path.
fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    let value = json_parse(text)?;
    data::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

/// The browser's JSON.parse; a syntax error is the dataset's one problem.
fn json_parse(text: &str) -> Result<JsValue, Vec<Problem>> {
    js_sys::JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        vec![Problem::new("", data::not_json(&msg))]
    })
}

fn default_dataset() -> Loaded {
    if let Some(d) = DEFAULT.with(|d| d.borrow().clone()) {
        return Ok(d);
    }
    keep(None, parse_dataset(data::EMBEDDED_JSON))
}

/// A host-supplied dataset (the text of its `<script type="application/json">`), read once
/// per text.
fn host_dataset(text: &str) -> Loaded {
    if let Some(hit) = host_hit(text) {
        return hit;
    }
    keep(Some(text), parse_dataset(text))
}

/// The host dataset already read from `text`, if it was the last one.
fn host_hit(text: &str) -> Option<Loaded> {
    HOST.with(|h| {
        h.borrow()
            .as_ref()
            .filter(|(t, _)| t == text)
            .map(|(_, d)| d.clone())
    })
}

/// Keeps a dataset read from `text` (None: the built-in one) for the page's widgets.
fn keep(text: Option<&str>, read: Result<Dataset, Vec<Problem>>) -> Loaded {
    let d = read
        .map(|d| Rc::new(Localized::new(d)))
        .map_err(|p| Failed {
            built_in: text.is_none(),
            problems: Rc::new(p),
        });
    match (text, &d) {
        (None, Ok(d)) => DEFAULT.with(|slot| *slot.borrow_mut() = Some(d.clone())),
        (None, Err(_)) => {}
        (Some(t), _) => HOST.with(|h| *h.borrow_mut() = Some((t.to_string(), d.clone()))),
    }
    d
}

/// How far the dataset being prepared has got (see [`prepare_dataset`]).
enum Prepared {
    Parsed(JsValue),
    Read(Box<data::RawDataset>),
}

thread_local! {
    /// The dataset being prepared: its text (None: the built-in one) and its last step.
    static PREPARING: RefCell<Option<(Option<String>, Prepared)>> = const { RefCell::new(None) };
}

/// Reads and checks the dataset a widget is about to use (the built-in one without `json`)
/// one step per call, so that the bootstrap can run each step in a task of its own before
/// mounting (issue 17): JSON.parse, then serde's read, then the validator and the dates.
/// Returns true while a step is left. The steps are those of [`parse_dataset`]; whatever
/// they find is kept as the mount would keep it (a mount before the last step reads it
/// whole).
#[wasm_bindgen(js_name = prepareDataset)]
pub fn prepare_dataset(json: Option<String>) -> bool {
    let done = match &json {
        Some(text) => host_hit(text).is_some(),
        None => DEFAULT.with(|d| d.borrow().is_some()),
    };
    let mine = PREPARING.with(|p| p.borrow().as_ref().is_none_or(|(t, _)| *t == json));
    if !mine {
        // Another dataset is part-way (two datasets on one page): this one is read whole.
        if !done {
            let _ = match &json {
                Some(text) => host_dataset(text),
                None => default_dataset(),
            };
        }
        return false;
    }
    let step = PREPARING
        .with(|p| p.borrow_mut().take())
        .map(|(_, step)| step);
    if done {
        return false;
    }
    let text = json.as_deref().unwrap_or(data::EMBEDDED_JSON);
    let next = match step {
        None => json_parse(text).map(Prepared::Parsed),
        Some(Prepared::Parsed(value)) => data::read(serde_wasm_bindgen::Deserializer::from(value))
            .map(|raw| Prepared::Read(Box::new(raw))),
        Some(Prepared::Read(raw)) => {
            keep(json.as_deref(), data::checked(*raw)).ok();
            return false;
        }
    };
    match next {
        Ok(step) => {
            PREPARING.with(|p| *p.borrow_mut() = Some((json, step)));
            true
        }
        Err(problems) => {
            keep(json.as_deref(), Err(problems)).ok();
            false
        }
    }
}

/// At most this many problems are listed in the widget; the rest are counted.
const PROBLEMS_SHOWN: usize = 30;

impl Failed {
    /// The widget's message: what failed, how many problems, the first of them, in `tr`.
    fn text(&self, tr: Tr) -> String {
        let problems = &self.problems;
        let mut list: Vec<String> = problems
            .iter()
            .take(PROBLEMS_SHOWN)
            .map(|p| format!("• {}", p.text(tr)))
            .collect();
        if problems.len() > PROBLEMS_SHOWN {
            let more = (problems.len() - PROBLEMS_SHOWN).to_string();
            list.push(tr.f(k::START_MORE, &[("count", &more)]));
        }
        let head = match self.built_in {
            true => k::START_BUILTIN_PROBLEMS,
            false => k::START_DATASET_PROBLEMS,
        };
        let count = problems.len().to_string();
        format!("{}\n{}", tr.f(head, &[("count", &count)]), list.join("\n"))
    }
}

/// The language a widget's messages are written in before it has one: a supported `lang`
/// option; English for an unsupported one (the widget then shows English and says so);
/// without it the page's (README, "Languages": closest `lang`, the browser, English).
fn message_lang(host: &Element, o: Option<&Options>) -> Tr {
    match o.and_then(|o| o.lang.as_deref()) {
        Some(tag) => Tr::for_tag(tag).unwrap_or_default(),
        None => page_lang(host, handoff::is_single_file()),
    }
}

fn today(opt: Option<&str>) -> Result<Date, Msg> {
    match opt {
        Some(t) => crate::attrs::today(t),
        None => {
            let now = js_sys::Date::new_0();
            Ok(Date {
                year: now.get_full_year() as i32,
                month: now.get_month() + 1,
                day: now.get_date(),
            })
        }
    }
}

fn options_from(js: JsValue) -> Result<Options, Msg> {
    if js.is_undefined() || js.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(js)
        .map_err(|e| Msg::new(k::START_INVALID_OPTIONS).with("error", e.to_string()))
}

/// The fragment key of a host: `elc-<id>` for an element with an id, `elc` for the
/// first widget without one (the same element keeps it when mounted again), none for
/// the rest or with `share="off"`.
fn share_key(host: &Element, o: &Options) -> Option<String> {
    if o.share.as_deref() == Some("off") {
        return None;
    }
    let id = host.id();
    if !id.is_empty() {
        return Some(format!("elc-{id}"));
    }
    FIRST_SHARED.with(|f| {
        let mut owner = f.borrow_mut();
        match owner.as_ref() {
            Some(e) if e != host => None,
            Some(_) => Some("elc".to_string()),
            None => {
                *owner = Some(host.clone());
                Some("elc".to_string())
            }
        }
    })
}

/// Handle returned to JS by `mount`.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    props: AppProps,
    root: Element,
    /// What the app last reported (shared with its `on_change` callback).
    reported: Rc<RefCell<Reported>>,
    /// Fragment key this widget keeps its setup under, if any.
    share_key: Option<String>,
    share_off: bool,
    /// URL of the embed bundle (for the embed code).
    script: String,
    /// Invalid options found at a lenient start-up (shown in the banner by the bootstrap),
    /// in the widget's language.
    problems: Vec<String>,
    host: Element,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies new options (same shape as at mount); unknown values are rejected.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let tr = self.tr();
        let o = options_from(options).map_err(|e| JsError::new(&tr.msg(&e)))?;
        let (setup, presentation, problems) = attrs::apply(
            self.props.texts.0.base(),
            &self.setup(),
            &self.props.presentation,
            &o,
        );
        if !problems.is_empty() {
            return Err(JsError::new(&lines(tr, &problems)));
        }
        if presentation != self.props.presentation {
            self.props.presentation = presentation;
            self.props.embed_code = embed_code_callback(
                &self.props.texts,
                self.props.today,
                &self.props.presentation,
                &self.host,
                &self.script,
                self.share_off,
            );
        }
        if o.touches_setup() {
            self.push(setup, None);
        } else if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
        Ok(())
    }

    /// What a lenient start-up did not accept, one message per option.
    pub fn problems(&self) -> Vec<String> {
        self.problems.clone()
    }

    /// The language the widget shows now (the bootstrap writes its own messages in it).
    pub fn lang(&self) -> String {
        self.tr().lang().to_string()
    }

    /// The code a host page pastes for this widget's current setup and presentation: the
    /// script tag (`script`, or the bundle's own URL), the element with its attributes and
    /// the static version as its content.
    #[wasm_bindgen(js_name = embedCode)]
    pub fn embed_code(&self, script: Option<String>, id: Option<String>) -> String {
        let mut extra = host_attributes(&self.host, self.share_off);
        if let Some(id) = id.filter(|i| !i.is_empty()) {
            extra.retain(|(k, _)| *k != "id");
            extra.insert(0, ("id", id));
        }
        let setup = self.setup();
        crate::snippet::embed_code(
            &self.props.texts.0.view(setup.tr()).0,
            &setup,
            self.props.today,
            &self.props.presentation,
            &script.unwrap_or_else(|| self.script.clone()),
            &extra,
        )
    }

    /// The language the widget shows now (its setup's, else the page's).
    fn tr(&self) -> Tr {
        self.setup()
            .lang
            .as_deref()
            .and_then(Tr::for_tag)
            .unwrap_or(self.props.lang)
    }

    /// The setup the widget shows now.
    fn setup(&self) -> Setup {
        match &self.reported.borrow().last {
            Some(s) => s.setup.clone(),
            None => self.props.initial.clone(),
        }
    }

    /// Hands a setup to the app (rendered in Yew's scheduler; `settled` tells when).
    fn push(&mut self, setup: Setup, notice: Option<String>) {
        let generation = self.props.pushed.as_ref().map_or(1, |p| p.generation + 1);
        self.props.pushed = Some(Pushed {
            generation,
            setup,
            notice,
        });
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// The page's fragment changed (a shared link pasted into an open tab, the back
    /// button): applies this widget's key if it holds a different setup. Returns whether
    /// anything changed. A broken value keeps the setup and says why.
    #[wasm_bindgen(js_name = hashChanged)]
    pub fn hash_changed(&mut self) -> bool {
        let Some(key) = self.share_key.clone() else {
            return false;
        };
        let hash = host::location_hash();
        let Some(text) = fragment::fragment_get(&hash, &key) else {
            return false;
        };
        let current = self.setup();
        if text == fragment::encode(&current) {
            return false;
        }
        match fragment::decode(self.props.texts.0.base(), text) {
            Ok(s) => self.push(keep_lang(s, &current), None),
            Err(e) => {
                let tr = current
                    .lang
                    .as_deref()
                    .and_then(Tr::for_tag)
                    .unwrap_or(self.props.lang);
                let notice = tr.f(k::NOTICE_LINK_UNCHANGED, &[("error", &tr.msg(&e))]);
                self.push(current, Some(notice))
            }
        }
        true
    }

    /// Calls `done` once the widget shows the last mounted or pushed setup (at once if it
    /// already does, or if the widget is gone): what `update()` and `mount()` await. The app
    /// reports only once all its parts, which follow the ranking in later tasks, are drawn.
    #[wasm_bindgen(js_name = whenSettled)]
    pub fn when_settled(&self, done: js_sys::Function) {
        if self.app.is_none() {
            let _ = done.call0(&JsValue::NULL);
            return;
        }
        let want = self.props.pushed.as_ref().map_or(0, |p| p.generation);
        self.reported.borrow_mut().when_shown(want, done);
    }

    /// The current setup and result as a plain object.
    pub fn state(&self) -> JsValue {
        match &self.reported.borrow().last {
            Some(s) => js::state(s),
            None => JsValue::NULL,
        }
    }

    /// Takes this widget's key out of the host's URL (`handle.destroy()`; not on a remount).
    #[wasm_bindgen(js_name = removeFromUrl)]
    pub fn remove_from_url(&self) {
        if let Some(key) = &self.share_key {
            host::remove_fragment(key);
        }
    }

    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.reported.borrow_mut().release();
        let root = self.root.clone();
        ROOTS.with(|r| r.borrow_mut().retain(|e| *e != root));
    }
}

/// Mounts a widget rendering into `root` (inside `host`'s shadow root).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: Element,
    root: Element,
    options: JsValue,
) -> Result<WidgetHandle, JsError> {
    install_panic_box();
    let o = options_from(options).map_err(|e| JsError::new(&message_lang(&host, None).msg(&e)))?;
    let lenient = o.lenient == Some(true);
    let texts = Texts(
        match &o.dataset_json {
            Some(text) => host_dataset(text),
            None => default_dataset(),
        }
        .map_err(|e| JsError::new(&e.text(message_lang(&host, Some(&o)))))?,
    );
    let data = texts.0.base().clone();
    let (base, presentation, mut problems) =
        attrs::apply(&data, &Setup::defaults(&data), &Presentation::default(), &o);
    let today = match today(o.today.as_deref()) {
        Ok(t) => t,
        Err(e) if lenient => {
            problems.push(e);
            today(None).map_err(|e| JsError::new(&e.to_string()))?
        }
        Err(e) => return Err(JsError::new(&message_lang(&host, Some(&o)).msg(&e))),
    };
    if !lenient && !problems.is_empty() {
        return Err(JsError::new(&lines(
            message_lang(&host, Some(&o)),
            &problems,
        )));
    }
    let key = share_key(&host, &o);
    let hand_off = handoff::host_for(&host, key.clone());
    let lang = page_lang(&host, hand_off.save_copy.is_some());
    // A shared link wins over the host's attributes; a broken one falls back with a notice.
    // A saved offline copy carries its setup in the page, in the fragment's form.
    let saved = handoff::saved_setup();
    let (setup, notice) = match key.as_deref().and_then(|k| {
        fragment::fragment_get(&host::location_hash(), k)
            .or_else(|| fragment::fragment_get(&saved, k))
            .map(str::to_owned)
    }) {
        Some(text) => match fragment::decode(&data, &text) {
            Ok(s) => (keep_lang(s, &base), None),
            Err(e) => {
                let tr = base.lang.as_deref().and_then(Tr::for_tag).unwrap_or(lang);
                let notice = tr.f(k::NOTICE_LINK_DEFAULTS, &[("error", &tr.msg(&e))]);
                (base, Some(notice))
            }
        },
        None => (base, None),
    };
    // The banner is in the language the widget shows.
    let shown = setup.lang.as_deref().and_then(Tr::for_tag).unwrap_or(lang);
    let problems: Vec<String> = problems.iter().map(|m| shown.msg(m)).collect();
    let share_off = o.share.as_deref() == Some("off");
    let script = o
        .script_url
        .clone()
        .unwrap_or_else(|| DEFAULT_SCRIPT.to_string());
    let embed_code = embed_code_callback(&texts, today, &presentation, &host, &script, share_off);
    let reported = Rc::new(RefCell::new(Reported::default()));
    let on_change = {
        let (reported, key, host) = (reported.clone(), key.clone(), host.clone());
        Callback::from(move |s| host::report(&host, key.as_deref(), &reported, s))
    };
    let share_link = key
        .clone()
        .map(|key| Callback::from(move |value: String| host::share_link(&key, &value)));
    let props = AppProps {
        texts,
        lang,
        today,
        initial: setup,
        notice,
        pushed: None,
        on_change,
        share_link,
        hand_off,
        presentation,
        embed_code,
    };
    root.replace_children_with_node_0();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props.clone()).render();
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    Ok(WidgetHandle {
        app: Some(app),
        props,
        root,
        reported,
        share_key: key,
        share_off,
        script,
        problems,
        host,
    })
}

/// Messages one a line, in `tr`'s language.
fn lines(tr: Tr, messages: &[Msg]) -> String {
    let lines: Vec<String> = messages.iter().map(|m| tr.msg(m)).collect();
    lines.join("\n")
}

/// A setup read from a fragment, keeping `was`'s language when the fragment names none.
fn keep_lang(mut s: Setup, was: &Setup) -> Setup {
    if s.lang.is_none() {
        s.lang.clone_from(&was.lang);
    }
    s
}

/// The language the page asks for: the closest ancestor's `lang` (up to `<html lang>`; the
/// element's own `lang` is the explicit option), then the browser's languages, then English.
/// The single file is the widget's own page: it follows the browser, and its `<html lang>`
/// is set to the language it resolves.
fn page_lang(host: &Element, single_file: bool) -> Tr {
    let mut tags: Vec<String> = Vec::new();
    if !single_file {
        let mut node = host.parent_element();
        while let Some(el) = node {
            if let Some(l) = el.get_attribute("lang").filter(|l| !l.trim().is_empty()) {
                tags.push(l);
            }
            node = el.parent_element();
        }
    }
    if let Some(w) = web_sys::window() {
        let list = js_sys::Array::from(&w.navigator().languages());
        tags.extend(list.iter().filter_map(|v| v.as_string()));
    }
    let tr = Tr::first_of(tags.iter().map(String::as_str)).unwrap_or_default();
    if single_file {
        if let Some(html) = host.owner_document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", tr.lang());
        }
    }
    tr
}

/// Where the README's steps put the bundle: the embed code's script path when the widget
/// runs from the single file (which has no bundle URL of its own).
const DEFAULT_SCRIPT: &str = "/assets/elcompare/elcompare.js";

/// Attributes of the host that the embed code keeps: its id, theme and `share="off"`.
fn host_attributes(host: &Element, share_off: bool) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !host.id().is_empty() {
        out.push(("id", host.id()));
    }
    if let Some(t) = host.get_attribute("theme").filter(|t| t != "auto") {
        out.push(("theme", t));
    }
    if share_off {
        out.push(("share", "off".to_string()));
    }
    out
}

/// "Copy embed code" for the app: the code for a setup, with this widget's presentation,
/// script URL and host attributes (read when the visitor asks).
fn embed_code_callback(
    texts: &Texts,
    today: Date,
    presentation: &Presentation,
    host: &Element,
    script: &str,
    share_off: bool,
) -> Callback<Setup, String> {
    let (texts, p, host, script) = (
        texts.clone(),
        presentation.clone(),
        host.clone(),
        script.to_string(),
    );
    Callback::from(move |setup: Setup| {
        crate::snippet::embed_code(
            &texts.0.view(setup.tr()).0,
            &setup,
            today,
            &p,
            &script,
            &host_attributes(&host, share_off),
        )
    })
}

/// Panics on purpose. Only the end-to-end test of the panic box calls it; the widget never does.
#[doc(hidden)]
#[wasm_bindgen(js_name = elcPanicForTests)]
#[allow(clippy::panic)]
pub fn panic_for_tests() {
    panic!("a test asked for a panic");
}

/// On a panic every widget on the page is dead (they share one wasm instance):
/// replace each with a readable box instead of leaving a frozen UI.
fn install_panic_box() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            let info = info.to_string();
            let text = |tr: Tr| tr.f(k::START_PANIC, &[("info", &info)]);
            web_sys::console::error_1(&JsValue::from_str(&text(Tr::english())));
            let roots = ROOTS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
            for root in roots {
                let Some(doc) = root.owner_document() else {
                    continue;
                };
                // Each box in the language its widget showed (the app's `lang`, which the
                // single file's switch changes).
                let tr = root
                    .query_selector(".elc-app")
                    .ok()
                    .flatten()
                    .and_then(|app| app.get_attribute("lang"))
                    .and_then(|l| Tr::for_tag(&l))
                    .unwrap_or_default();
                if let Ok(p) = doc.create_element("p") {
                    p.set_class_name("elc-error");
                    let _ = p.set_attribute("role", "alert");
                    let _ = p.set_attribute("lang", tr.lang());
                    p.set_text_content(Some(&text(tr)));
                    root.replace_children_with_node_1(&p);
                }
            }
        }));
    });
}
