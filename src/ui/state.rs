//! The one reducer that holds a widget's state: a thin Yew wrapper around the pure
//! [`Visitor`], which holds every rule, and the evaluation it caches. Components only
//! read it and send [`Action`]s through callbacks.

use crate::data::{Dataset, Date};
use crate::engine::Evaluation;
use crate::i18n::{Localized, Tr};
use crate::setup::{Edit, Setup, Visitor};
use std::rc::Rc;
use yew::Reducible;

/// Shared, immutable dataset; equality is identity so props compare in O(1).
#[derive(Clone, Debug)]
pub struct Data(pub Rc<Dataset>);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.0
    }
}

/// The dataset with its per-language views (shared by every widget showing it); equality is
/// identity.
#[derive(Clone, Debug)]
pub struct Texts(pub Rc<Localized>);

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The dataset in the widget's language ([`State::tr`]).
    pub data: Data,
    pub texts: Texts,
    /// The language the page and the browser ask for, used when the setup names none.
    pub page_lang: Tr,
    /// The language shown: the setup's, else the page's.
    pub tr: Tr,
    /// False when the dataset has no texts in [`State::tr`]'s language (they show in English).
    pub data_in_lang: bool,
    pub today: Date,
    /// The setup and what "reset" returns to; every rule lives in [`Visitor::apply`].
    pub visitor: Visitor,
    /// Derived from the setup; recomputed only when the setup changes.
    pub eval: Rc<Evaluation>,
    /// A message for the visitor, e.g. why a shared link was not applied.
    pub notice: Option<String>,
    /// The last host push this state includes (0: the mounted setup).
    pub generation: u32,
    /// True once the visitor has changed something with the controls: only then is the
    /// setup written to the host page's URL (a page load or a host's update writes nothing).
    pub touched: bool,
}

pub enum Action {
    /// A control changed something (see [`Edit`]).
    Edit(Edit),
    /// Replace the whole setup with host push number `generation` (`handle.update`, an
    /// attribute change, a pasted link), showing a notice or none.
    Replace(Setup, Option<String>, u32),
    DismissNotice,
}

thread_local! {
    /// How many evaluations every widget of this page has run (read by the component tests:
    /// the engine must run once per change, not once per layer).
    static EVALUATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Evaluations run so far on this page.
pub fn evaluations() -> u64 {
    EVALUATIONS.with(std::cell::Cell::get)
}

/// The evaluation of a setup: [`crate::setup::evaluate_in`] (shared with the static version), counted.
pub fn evaluate(data: &Dataset, setup: &Setup, today: Date, tr: Tr) -> Evaluation {
    EVALUATIONS.with(|n| n.set(n.get() + 1));
    crate::setup::evaluate_in(data, setup, today, tr)
}

/// The language a setup is shown in on a page that asks for `page`.
fn shown_in(setup: &Setup, page: Tr) -> Tr {
    setup.lang.as_deref().and_then(Tr::for_tag).unwrap_or(page)
}

impl State {
    pub fn new(
        texts: Texts,
        page_lang: Tr,
        today: Date,
        setup: Setup,
        notice: Option<String>,
    ) -> State {
        let tr = shown_in(&setup, page_lang);
        let (view, data_in_lang) = texts.0.view(tr);
        let data = Data(view);
        let eval = Rc::new(evaluate(&data, &setup, today, tr));
        State {
            data,
            texts,
            page_lang,
            tr,
            data_in_lang,
            today,
            visitor: Visitor::new(setup),
            eval,
            notice,
            generation: 0,
            touched: false,
        }
    }

    pub fn setup(&self) -> &Setup {
        &self.visitor.setup
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(edit) => {
                if !next.visitor.apply(&self.data, edit) {
                    return self;
                }
                next.touched = true;
            }
            Action::Replace(setup, notice, generation) => {
                let same = setup == *self.setup();
                next.generation = generation;
                next.notice = notice;
                next.visitor = Visitor::new(setup);
                if same {
                    return Rc::new(next);
                }
            }
            Action::DismissNotice => {
                next.notice = None;
                return Rc::new(next);
            }
        }
        let tr = shown_in(next.setup(), self.page_lang);
        if tr != self.tr {
            let (view, data_in_lang) = self.texts.0.view(tr);
            next.data = Data(view);
            next.tr = tr;
            next.data_in_lang = data_in_lang;
        }
        next.eval = Rc::new(evaluate(&next.data, next.setup(), self.today, tr));
        Rc::new(next)
    }
}
