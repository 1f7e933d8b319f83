//! The one reducer that holds a widget's state: a thin Yew wrapper around the pure
//! [`Visitor`], which holds every rule, and the evaluation it caches. Components only
//! read it and send [`Action`]s through callbacks.

use crate::data::{Dataset, Date};
use crate::engine::Evaluation;
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

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub data: Data,
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

/// The evaluation of a setup: [`crate::setup::evaluate`] (shared with the static version), counted.
pub fn evaluate(data: &Dataset, setup: &Setup, today: Date) -> Evaluation {
    EVALUATIONS.with(|n| n.set(n.get() + 1));
    crate::setup::evaluate(data, setup, today)
}

impl State {
    pub fn new(data: Data, today: Date, setup: Setup, notice: Option<String>) -> State {
        let eval = Rc::new(evaluate(&data, &setup, today));
        State {
            data,
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
        next.eval = Rc::new(evaluate(&self.data, next.setup(), self.today));
        Rc::new(next)
    }
}
