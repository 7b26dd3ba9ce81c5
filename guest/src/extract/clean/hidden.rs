//! Junk: elements a reader never sees as text (scripts, form controls,
//! hidden elements), and the hidden ones that are content all the same:
//! folded accordion and FAQ panels, tab panels, `<noscript>` pages.

use std::collections::{HashMap, HashSet};

use super::tokens::FOLDED_CONTENT_WORDS;
use crate::extract::content::is_block_tag;
use crate::extract::dom::{split_humps, Dom, Kind};
use crate::extract::streamed;

/// Elements whose text is never shown as content.
pub(super) const JUNK_TAGS: &[&str] = &[
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head", "title", "meta", "link", "button", "select", "option",
    "input", "textarea", "datalist", "dialog", "audio", "video", "source", "track", "map", "area",
];

/// A hidden element holding more than this share of the page's text is
/// content that a script reveals or moves (React streaming puts the whole
/// page in `<div hidden id="S:0">`), not a hidden widget.
pub(super) const MAX_HIDDEN_SHARE: f32 = 0.3;

pub(super) fn is_junk(dom: &Dom, i: usize, share: f32, chars: u32, inside_article: bool, unfolded_ids: &HashSet<&str>) -> bool {
    let Kind::Element(e) = dom.nodes[i].kind else { return false };
    let tag = e.name();
    if JUNK_TAGS.contains(&tag) && !(tag == "button" && asks_a_question(dom, i)) {
        return true;
    }
    // `aria-hidden` on a block is usually a collapsed accordion or tab
    // panel, content a click away; on inline elements it marks icons and
    // visual duplicates of screen-reader text, unless it holds a sentence
    // (a teaser's second link to the same story, kept out of the reader's
    // tab order but shown).
    let outright = hidden_outright(dom, i);
    let hidden = outright
        || shown_by_widget_state(e)
        || (e.attr("aria-hidden") == Some("true") && !is_block_tag(tag) && (chars < ARIA_HIDDEN_SHOWN_CHARS || e.attr("class").is_some_and(hidden_by_class)));
    // React streams server-rendered chunks as `<div hidden id="S:3">` and
    // moves them into place with a script (`streamed` does that for the
    // ones whose placeholder we find): even unplaced, they are the page.
    let hidden = hidden && !(tag == "div" && e.attr("id").is_some_and(streamed::is_segment_id));
    if hidden
        && (share <= MAX_HIDDEN_SHARE || (outright && unseen_by_anyone(e)))
        && !(is_block_tag(tag) && is_disclosure_panel(dom, i, inside_article, unfolded_ids))
    {
        return true;
    }
    if tag == "input" || e.attr("type") == Some("hidden") || dom.is_permalink_mark(i) || is_hidden_message(dom, i, e) {
        return true;
    }
    // <noscript> holds either a "please enable JavaScript" line or a
    // tracking pixel (junk), or a whole server-rendered page (content).
    // A fallback whose markup was saved escaped, as text (`&lt;img
    // src=…&gt;` from a page serialised with scripting on), is markup
    // however long: a reader never sees it.
    if tag == "noscript" {
        let mut texts = (i..dom.nodes[i].end).filter_map(|j| dom.text(j));
        let text: usize = texts.clone().map(|t| t.trim().len()).sum();
        return text < NOSCRIPT_MIN_CONTENT_CHARS || texts.any(holds_a_tag);
    }
    false
}

/// Utility classes that hide an element (Bootstrap, Tailwind, eBay...).
/// Alone they are a weak sign (scripts toggle them to reveal content), so
/// they only confirm another one.
pub(super) const HIDDEN_CLASSES: &[&str] = &["hide", "hidden", "d-none", "is-hidden"];

/// The same utilities behind a design system's prefix or a BEM modifier
/// ("wt-display-none", "wt-validation__message--is-hidden").
const HIDDEN_CLASS_SUFFIXES: &[&str] = &["-display-none", "--is-hidden", "--hidden"];

/// Whether utility classes hide the element on every screen: "hidden
/// md:block" and "d-none d-lg-flex" show it on a desktop.
pub(super) fn hidden_by_class(class: &str) -> bool {
    let tokens = || class.split_ascii_whitespace();
    tokens().any(|t| HIDDEN_CLASSES.contains(&t) || HIDDEN_CLASS_SUFFIXES.iter().any(|s| t.ends_with(s)))
        && !tokens().any(|t| t.contains([':', '@']) || ["d-sm-", "d-md-", "d-lg-", "d-xl-"].iter().any(|p| t.starts_with(p)))
}

/// A message that waits for an event (a form's validation error, "This
/// topic has been deleted", a failed video) ships hidden by a utility
/// class: an alert or live region, or an element named for an alert or an
/// error. Hidden like that it is never content; other hidden elements may
/// be revealed content (tabs, folded panels), so the class alone is not
/// enough.
fn is_hidden_message(dom: &Dom, i: usize, e: &scraper::node::Element) -> bool {
    // Every element is asked: the cheap class test goes first.
    e.attr("class").is_some_and(hidden_by_class)
        && (e.attr("role").is_some_and(|r| matches!(r.trim(), "alert" | "status"))
            || e.attr("aria-role") == Some("alert")
            || e.attr("aria-live").is_some()
            || dom.has_class_word(i, MESSAGE_CLASS_WORDS))
}

/// Class words of messages shown on an event.
const MESSAGE_CLASS_WORDS: &[&str] = &["alert", "error", "validation", "toast"];

/// Inline `aria-hidden` text this long is shown text, not an icon label.
pub(super) const ARIA_HIDDEN_SHOWN_CHARS: u32 = 80;

/// Class words of collapsible panels (accordions, "read more" expanders).
pub(super) const DISCLOSURE_WORDS: &[&str] = &["accordion", "collapse", "collapsible", "expandable", "expander", "faq", "toggle"];

/// Class words of tab panels (disclosure panels inside an article, or
/// beside their tab set's open panel).
pub(super) const TAB_PANEL_WORDS: &[&str] = &["tabpanel", "tab", "pane"];

/// A hidden accordion panel holds content a click away (a product's
/// description, a spec table), not a hidden widget. Hidden tab panels count
/// inside an article or `<main>`, or beside their tab set's open panel:
/// elsewhere they are settings dialogs and promo carousels.
pub(super) fn is_disclosure_panel(dom: &Dom, i: usize, inside_article: bool, unfolded_ids: &HashSet<&str>) -> bool {
    if inside_article && dom.attr(i, "role") == Some("tabpanel") {
        return true;
    }
    if dom.attr(i, "id").is_some_and(|id| unfolded_ids.contains(id)) {
        return true;
    }
    // The ARIA accordion pattern: a region labelled by its header button.
    if dom.attr(i, "role") == Some("region") && dom.attr(i, "aria-labelledby").is_some() {
        return true;
    }
    // The ARIA disclosure pattern without `aria-controls`: the panel comes
    // right after the button that unfolds it, alone or in a heading
    // (`<h3><button aria-expanded=false>Fit</button></h3><div hidden>`).
    if follows_its_toggle(dom, i) {
        return true;
    }
    // The panel itself, or the accordion item holding it.
    let parent = dom.nodes[i].parent;
    answers_a_question(dom, i)
        || dom.has_class_word(i, DISCLOSURE_WORDS)
        || (dom.has_class_word(i, TAB_PANEL_WORDS) && (inside_article || open_panel_beside(dom, i)))
        || (parent != usize::MAX && dom.has_class_word(parent, DISCLOSURE_WORDS))
}

/// A tab set whose open panel is on the page: its closed panels, the same
/// element with the same class, are the same kind of content (a product's
/// specifications beside its overview). Matched by class, not by
/// `role=tabpanel`: a forum's tabbed sidebar uses the role (dev: one
/// thread 0.78 -> 0.33).
fn open_panel_beside(dom: &Dom, i: usize) -> bool {
    let parent = dom.nodes[i].parent;
    if parent == usize::MAX || dom.nodes[parent].children.len() > TAB_SET_MAX_CHILDREN {
        return false;
    }
    let class = dom.attr(i, "class");
    dom.nodes[parent].children.iter().any(|&c| c != i && dom.tag(c) == dom.tag(i) && dom.attr(c, "class") == class && !hidden_outright(dom, c))
}

/// A tab set has a handful of panels; a parent with more children is not
/// one (and scanning them for every hidden child would be quadratic).
const TAB_SET_MAX_CHILDREN: usize = 32;

/// Whether a hidden element is kept from screen readers too, or is a
/// modal dialog: text no one is shown however much of the page it holds,
/// unlike a hidden chunk a script moves into place. A raw-Markdown copy of
/// the article kept for scripts (`<pre hidden aria-hidden=true>`), a
/// "republish this story" dialog holding the whole story.
fn unseen_by_anyone(e: &scraper::node::Element) -> bool {
    e.attr("aria-hidden") == Some("true") || e.attr("role") == Some("dialog") || e.attr("aria-modal") == Some("true")
}

/// Shown only when a front-end framework's state says so (Vue `v-if`,
/// `v-show`; Alpine `x-show`; AngularJS `ng-if`, `ng-show`), and the state
/// names a widget: a menu, a modal, a cart drawer, a form's message. Other
/// conditions (`v-if="pageLoaded"`, `x-show="accordion == 2"`) hold
/// content as often as not.
fn shown_by_widget_state(e: &scraper::node::Element) -> bool {
    SCRIPT_TOGGLE_ATTRIBUTES.iter().filter_map(|a| e.attr(a)).any(|condition| {
        condition.trim() == "false" || split_humps(condition).split(|c: char| !c.is_ascii_alphanumeric()).any(|w| WIDGET_STATE_WORDS.contains(&w))
    })
}

const SCRIPT_TOGGLE_ATTRIBUTES: &[&str] = &["v-if", "v-show", "x-show", "ng-if", "ng-show", "data-ng-if", "data-ng-show"];

/// Words of a condition, split at punctuation and camelCase humps, that
/// name a widget's state (`isNotifyModalOpen`, `mobileNavOpen`,
/// `showInvalidEmailMessage`).
const WIDGET_STATE_WORDS: &[&str] = &[
    "modal", "popup", "menu", "nav", "dropdown", "flyout", "canvas", "drawer", "overlay", "dialog", "toast", "notify", "error", "success", "invalid", "cart",
    "search", "login", "signup", "newsletter", "cookie", "cookies", "sticky", "mobile", "tooltip",
];

/// Hidden by the `hidden` attribute or an inline style, whatever the
/// element holds.
fn hidden_outright(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "hidden").is_some()
        || dom.attr(i, "style").is_some_and(|style| {
            let style = style.to_ascii_lowercase().replace(' ', "");
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

/// An FAQ's question is often the button that unfolds its answer
/// (`aria-expanded`, an accordion class). Kept, so the answer does not
/// stand alone; other buttons are controls.
pub(super) fn asks_a_question(dom: &Dom, i: usize) -> bool {
    let toggles = dom.attr(i, "aria-expanded").is_some() || dom.has_class_word(i, DISCLOSURE_WORDS);
    toggles && reads_as_question(&dom.collapsed_text(i))
}

/// A question longer than this is prose that happens to end in "?".
pub(super) const QUESTION_MAX_CHARS: usize = 200;

/// Siblings looked back over for the question (whitespace, an icon).
pub(super) const QUESTION_LOOKBACK: usize = 4;

/// An FAQ's answer folded under its question, with neither ARIA nor class
/// names to say so: the element just before it reads as a question
/// ("What is pet insurance?").
pub(super) fn answers_a_question(dom: &Dom, i: usize) -> bool {
    let question = dom.previous_siblings(i).take(QUESTION_LOOKBACK).map(|c| dom.collapsed_text(c)).find(|t| !t.is_empty());
    question.is_some_and(|q| reads_as_question(&q))
}

/// A short text ending in "?": a question, not prose.
pub(super) fn reads_as_question(text: &str) -> bool {
    text.ends_with('?') && text.chars().count() <= QUESTION_MAX_CHARS
}

/// Whether text holds an HTML tag written out with its attributes (`<a
/// href="…">`, `<img src=…>`), as markup is, where prose naming a tag
/// ("a <div> for layout") gives none.
pub(super) fn holds_a_tag(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
        let attributes = rest[name.len()..].split_once('>').map(|(attributes, _)| attributes);
        JUNK_TAGS.iter().chain(ESCAPED_MARKUP_TAGS).any(|t| t.eq_ignore_ascii_case(&name)) && attributes.is_some_and(|a| a.starts_with(' ') && a.contains('='))
    })
}

/// Tags that mark text as escaped markup, with the junk ones (`<script`,
/// `<iframe`): what an ad or a tracker's fallback is written with.
const ESCAPED_MARKUP_TAGS: &[&str] = &["div", "span", "a", "img", "p"];

/// A `<noscript>` with less text than this is a message, not content.
pub(super) const NOSCRIPT_MIN_CONTENT_CHARS: usize = 200;

/// Levels above an element searched for the accordion item folding it.
pub(super) const ACCORDION_LEVELS: usize = 2;

pub(super) fn folded_by_accordion(dom: &Dom, i: usize) -> bool {
    dom.ancestors(i).take(ACCORDION_LEVELS).any(|at| dom.has_class_word(at, FOLDED_CONTENT_WORDS))
}

/// Ids of the blocks a control unfolds in place: the ARIA disclosure
/// pattern, an element with `aria-expanded` naming them in
/// `aria-controls` ("Read more" under a description, a delivery option's
/// details), or a button and the panel it controls naming each other
/// (`aria-controls` one way, `aria-labelledby` back). Content a click away,
/// even when hidden. Controls that open a pop-up (`aria-haspopup`: menus,
/// list boxes) do not count.
pub(super) fn ids_a_control_unfolds<'a>(dom: &Dom<'a>) -> HashSet<&'a str> {
    let mut ids: HashSet<&str> = (0..dom.len())
        .filter(|&i| dom.attr(i, "aria-expanded").is_some() && opens_no_popup(dom, i))
        .filter_map(|i| dom.attr(i, "aria-controls"))
        .flat_map(str::split_ascii_whitespace)
        .collect();
    // An accordion that keeps its state elsewhere (`data-expanded`): a
    // button controlling a panel labelled by that same button. Tabs have
    // their own rule (see `is_disclosure_panel`).
    let labelled_by: HashMap<&str, &str> = (0..dom.len()).filter_map(|i| Some((dom.attr(i, "id")?, dom.attr(i, "aria-labelledby")?))).collect();
    for i in (0..dom.len()).filter(|&i| dom.tag(i) == "button" && opens_no_popup(dom, i) && dom.attr(i, "role").is_none_or(|r| r.trim() != "tab")) {
        let (Some(button), Some(controls)) = (dom.attr(i, "id"), dom.attr(i, "aria-controls")) else { continue };
        ids.extend(controls.split_ascii_whitespace().filter(|panel| labelled_by.get(panel).is_some_and(|l| l.split_ascii_whitespace().any(|id| id == button))));
    }
    ids
}

/// A control that unfolds in place: no `aria-haspopup` (menus, list boxes).
fn opens_no_popup(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "aria-haspopup").is_none_or(|h| h.trim() == "false")
}

/// Nodes a toggle's element may have: a heading wrapping the button, an
/// icon and a label; a bigger element is a section that has buttons.
const TOGGLE_MAX_NODES: usize = 12;

/// Whether the element just before `i` is, or is a small wrapper of, a
/// button that unfolds content in place (`aria-expanded`, no pop-up).
fn follows_its_toggle(dom: &Dom, i: usize) -> bool {
    let Some(before) = dom.previous_siblings(i).find(|&c| !dom.tag(c).is_empty()) else { return false };
    dom.nodes[before].end - before <= TOGGLE_MAX_NODES
        && dom.find_all_in(before, "button").any(|j| dom.attr(j, "aria-expanded").is_some() && opens_no_popup(dom, j))
}
