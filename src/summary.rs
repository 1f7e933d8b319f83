//! What a widget reports to its host after each change: the ranking in plain terms and the
//! setup that produced it. Built once per change from the evaluation the widget already has;
//! `embed` turns it into the `elcompare-change` event, `state()` and the URL fragment.
//! Pure Rust.

use crate::data::Dataset;
use crate::engine::Evaluation;
use crate::setup::Setup;

/// One ranked option as the host sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedOut {
    pub id: String,
    pub name: String,
    /// Score out of 100, rounded to one decimal.
    pub score: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub setup: Setup,
    /// Best first; empty when nothing meets every must-have.
    pub ranking: Vec<RankedOut>,
    /// Criterion id and weight, dataset order.
    pub weights: Vec<(String, f64)>,
    /// Which host push (mount = 0, each `update()` one more) this result includes.
    pub generation: u32,
    /// Whether the visitor has changed something by hand (only then may the setup be
    /// written to the host's URL).
    pub touched: bool,
}

impl Summary {
    pub fn new(d: &Dataset, setup: &Setup, eval: &Evaluation, generation: u32) -> Summary {
        let ranking = eval
            .ranking
            .iter()
            .filter_map(|r| {
                let o = d.options.get(r.option)?;
                Some(RankedOut {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    score: (r.total * 10.0).round() / 10.0,
                })
            })
            .collect();
        let weights = d
            .criteria
            .iter()
            .map(|c| c.id.clone())
            .zip(setup.weights.iter().copied())
            .collect();
        Summary {
            setup: setup.clone(),
            ranking,
            weights,
            generation,
            touched: false,
        }
    }

    pub fn winner(&self) -> Option<&RankedOut> {
        self.ranking.first()
    }
}
