//! The one reducer that holds a widget's state. Components only read it and
//! send [`Action`]s through callbacks.

use crate::data::{Dataset, Date, MAX_WEIGHT};
use crate::engine::{self, Evaluation, Inputs};
use crate::share::{Setup, COMPARE_MAX, COMPARE_MIN};
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
    pub setup: Setup,
    /// Weights the per-slider "reset" returns to: the last preset's, or the defaults.
    pub base_weights: Vec<f64>,
    /// Derived from `setup`; recomputed only when the setup changes.
    pub eval: Rc<Evaluation>,
    /// A message for the visitor, e.g. why a shared link was not applied.
    pub notice: Option<String>,
    /// True once the visitor has changed something with the controls: only then is the
    /// setup written to the host page's URL (a page load or a host's update writes nothing).
    pub touched: bool,
}

pub enum Action {
    Preset(String),
    Weight(usize, f64),
    ResetWeight(usize),
    ResetAll,
    Flag(String, bool),
    Arch(Option<String>),
    MinYears(Option<f64>),
    Current(Option<String>),
    /// Add or remove an option from the side-by-side table.
    Compare(String, bool),
    /// Replace the whole setup (from the host page or a shared link), with an optional notice.
    Replace(Setup, Option<String>),
    DismissNotice,
}

pub fn evaluate(data: &Dataset, setup: &Setup, today: Date) -> Evaluation {
    let inputs = Inputs {
        dataset: data,
        weights: &setup.weights,
        must: &setup.must,
        today,
        current: setup.current.as_deref(),
        in_play: None,
        near_tie_margin: 2.0,
    };
    engine::evaluate(&inputs)
}

impl State {
    pub fn new(data: Data, today: Date, setup: Setup, notice: Option<String>) -> State {
        let eval = Rc::new(evaluate(&data, &setup, today));
        let base_weights = setup.weights.clone();
        State {
            data,
            today,
            setup,
            base_weights,
            eval,
            notice,
            touched: false,
        }
    }

    fn with_setup(&self, setup: Setup) -> State {
        let eval = if setup == self.setup {
            self.eval.clone()
        } else {
            Rc::new(evaluate(&self.data, &setup, self.today))
        };
        State {
            setup,
            eval,
            ..self.clone()
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = self.setup.clone();
        let by_visitor = !matches!(action, Action::Replace(..) | Action::DismissNotice);
        let next = match action {
            Action::Preset(id) => match s.with_preset(&self.data, &id) {
                Some(p) => {
                    let mut st = self.with_setup(p);
                    st.base_weights = st.setup.weights.clone();
                    st.touched = true;
                    return Rc::new(st);
                }
                None => return self,
            },
            Action::Weight(i, w) => {
                match s.weights.get_mut(i) {
                    Some(slot) if w.is_finite() => *slot = w.clamp(0.0, MAX_WEIGHT),
                    _ => return self,
                }
                s.preset = None;
                s
            }
            Action::ResetWeight(i) => {
                if let (Some(slot), Some(b)) = (s.weights.get_mut(i), self.base_weights.get(i)) {
                    *slot = *b;
                }
                s
            }
            Action::ResetAll => {
                s.weights = self.base_weights.clone();
                s
            }
            Action::Flag(id, on) => {
                s.must.flags.retain(|f| *f != id);
                if on {
                    s.must.flags.push(id);
                }
                s.preset = None;
                s
            }
            Action::Arch(a) => {
                s.must.arch = a;
                s.preset = None;
                s
            }
            Action::MinYears(y) => {
                s.must.min_years = y;
                s.preset = None;
                s
            }
            Action::Current(c) => {
                s.current = c;
                s
            }
            Action::Compare(id, on) => {
                let present = s.compare.contains(&id);
                if on && !present && s.compare.len() < COMPARE_MAX {
                    s.compare.push(id);
                } else if !on && present && s.compare.len() > COMPARE_MIN {
                    s.compare.retain(|o| *o != id);
                } else {
                    return self;
                }
                s
            }
            Action::Replace(setup, notice) => {
                let mut st = self.with_setup(setup);
                st.base_weights = st.setup.weights.clone();
                st.notice = notice;
                return Rc::new(st);
            }
            Action::DismissNotice => {
                return Rc::new(State {
                    notice: None,
                    ..(*self).clone()
                })
            }
        };
        let mut st = self.with_setup(next);
        st.touched |= by_visitor;
        Rc::new(st)
    }
}
