//! A `<details>` whose content is only built, and only in the DOM, while it is
//! open: the closed parts of the widget (sources, per-option breakdowns, tables)
//! cost nothing at start-up or on each input.

use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub class: AttrValue,
    pub summary: AttrValue,
    /// Builds the content; called only while the details are open.
    pub content: Callback<(), Html>,
}

#[function_component(LazyDetails)]
pub fn lazy_details(p: &LazyProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: Element = e.target_unchecked_into();
            open.set(el.has_attribute("open"));
        })
    };
    html! {
        <details class={p.class.clone()} {ontoggle}>
            <summary>{ p.summary.clone() }</summary>
            if *open { { p.content.emit(()) } }
        </details>
    }
}
