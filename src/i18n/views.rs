//! A validated dataset and its per-language views, each made once, when first asked for.

use super::Tr;
use crate::data::Dataset;
use std::cell::RefCell;
use std::rc::Rc;

/// The dataset a widget (or every widget of a page, for the built-in one) shows, with the
/// views [`Dataset::localized`] makes, kept so that each language is made once.
#[derive(Debug)]
pub struct Localized {
    base: Rc<Dataset>,
    views: RefCell<Vec<(&'static str, Rc<Dataset>)>>,
}

impl Localized {
    pub fn new(base: Dataset) -> Localized {
        Localized {
            base: Rc::new(base),
            views: RefCell::new(Vec::new()),
        }
    }

    /// The dataset as read (English texts, with its translation tables).
    pub fn base(&self) -> &Rc<Dataset> {
        &self.base
    }

    /// The dataset's texts in `tr`'s language, and whether it has texts in it (false: the
    /// English texts, for a dataset without that language).
    pub fn view(&self, tr: Tr) -> (Rc<Dataset>, bool) {
        let lang = tr.lang();
        if lang == "en" || !self.base.translations.contains_key(lang) {
            // English is the dataset as read; a language it lacks shows the English texts.
            return (self.base.clone(), lang == "en");
        }
        if let Some((_, d)) = self.views.borrow().iter().find(|(l, _)| *l == lang) {
            return (d.clone(), true);
        }
        let view = self
            .base
            .localized(lang)
            .map_or_else(|| self.base.clone(), Rc::new);
        self.views.borrow_mut().push((lang, view.clone()));
        (view, true)
    }
}
