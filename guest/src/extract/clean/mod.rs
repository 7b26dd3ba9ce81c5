//! Stage 1 of the cascade: decide which elements can never be main content.
//!
//! Two kinds of drop: *junk* (scripts, styles, hidden elements, form
//! controls) is never text a reader sees; *boilerplate* (navigation, page
//! chrome, cookie/share/newsletter widgets) is visible but not content. Both
//! are decided per element from tag, ARIA role, attributes and class/id
//! tokens; the flags are inherited by the whole subtree.
//!
//! `hidden` decides junk, `tokens` reads class and id names, `threads`
//! tells discussion pages and their comment lists apart.

mod hidden;
mod threads;
mod tokens;

use std::collections::HashSet;

use super::content::is_heading;
use super::dom::{class_and_id, words, Dom};
use super::related;
use super::scope::Scope;
use crate::model::{ExtractOptions, Focus};
use hidden::{folded_by_accordion, is_junk};
pub use threads::looks_like_thread;
use threads::{comments_on_posts, MAX_TEXT_BESIDE_THREAD};
use tokens::token_is_boilerplate;

/// Page chrome by tag. `header` is only chrome outside an article (an
/// article's own header holds its title and byline).
const BOILERPLATE_TAGS: &[&str] = &["nav", "footer", "aside", "menu"];

/// ARIA landmark roles that are never main content.
const BOILERPLATE_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "tablist", "toolbar", "tooltip"];

/// Class words of widgets that hold a few short lines, so that one holding
/// prose is content under a widget's name. A modal holding prose is content
/// folded into a dialog (a shop's "Product details" and size guide), not a
/// sign-up prompt; "popup", "overlay" and "drawer" held with prose are
/// still chrome (dev: 2 lost). A pager holds page numbers and a "next"
/// link; one holding the listing it pages through (an infinite-scroll
/// wrapper classed "pagination" around the product grid) is the content.
const HOLDERS_OF_SHORT_TEXT: &[&str] = &["modal", "pagination", "pager"];

/// Roles of widgets that hold short labels only. Pages put them on
/// accordions and tab panels full of text; such an element is not one.
const WIDGET_ROLES: &[&str] = &["tablist", "menu", "menubar", "toolbar", "tooltip"];
/// Text (chars) beyond which a "widget" holds prose, not labels.
const WIDGET_MAX_CHARS: usize = 500;

fn holds_prose(dom: &Dom, i: usize) -> bool {
    let mut chars = 0;
    for j in i..dom.nodes[i].end {
        if let Some(t) = dom.text(j) {
            chars += t.trim().len();
            if chars > WIDGET_MAX_CHARS {
                return true;
            }
        }
    }
    false
}

/// A boilerplate match on an element holding more than this share of the
/// page's text is ignored: class names on page wrappers ("has-sidebar",
/// "page-with-nav") must not drop the whole page.
const MAX_BOILERPLATE_SHARE: f32 = 0.5;

/// The same guard for elements that *are* chrome by tag or landmark role
/// (`<aside>`, `<nav>`; widget roles like `tablist` are often misused on
/// content wrappers): a huge archive sidebar is still a sidebar, unless it is
/// nearly the whole page.
const MAX_LANDMARK_SHARE: f32 = 0.85;

fn is_landmark_chrome(dom: &Dom, i: usize) -> bool {
    BOILERPLATE_TAGS.contains(&dom.tag(i)) || dom.attr(i, "role").is_some_and(|r| matches!(r.trim(), "navigation" | "complementary" | "contentinfo"))
}

/// Words naming cookie-consent managers. Their preference centres can
/// outweigh a short page, so they get the landmark guard, not the 50% one.
const CONSENT_WORDS: &[&str] = &["consent", "onetrust", "cookiebot", "gdpr", "cookieconsent", "cookielaw"];

fn is_consent_manager(dom: &Dom, i: usize) -> bool {
    dom.has_class_word(i, CONSENT_WORDS)
}

/// Ancestors of an `<h1>` whose widget class marks it as chrome.
const HEADLINE_CHROME_DEPTH: usize = 3;

/// An `<h1>` that titles the page: not a logo, not in the site header
/// (an article's own `<header>` is fine).
fn is_headline(dom: &Dom, h1: usize, options: &ExtractOptions) -> bool {
    if super::metadata::in_logo(dom, h1) {
        return false;
    }
    // A menu bar's title ("menu-title" in a "menu-bar") is chrome.
    if dom.self_and_ancestors(h1).take(HEADLINE_CHROME_DEPTH).any(|at| is_boilerplate(dom, at, false, options, false)) {
        return false;
    }
    for at in dom.ancestors(h1) {
        match dom.tag(at) {
            "article" | "main" => return true,
            "header" | "nav" => return false,
            _ if matches!(dom.attr(at, "role"), Some("banner" | "navigation")) => return false,
            _ => {}
        }
    }
    true
}

/// An `<article>` with this much text is the article, not a teaser card.
const ARTICLE_MIN_CHARS: u32 = 1000;

/// Kept text a comment section needs to be rendered: less is an empty
/// list's "No comments yet" or a comment count.
const COMMENTS_MIN_CHARS: u32 = 40;

/// Per-node drop decision.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Drop {
    Keep,
    Junk,
    Boilerplate,
}

/// Decide drops for every node; a dropped element drops its subtree.
/// `thread` says the page declares itself a discussion (see
/// `looks_like_thread`): its comment-like containers are then content.
pub fn classify(dom: &Dom, options: &ExtractOptions, thread: bool) -> Vec<Drop> {
    Classifier::new(dom, options, thread, None).drops(None)
}

/// The drop pass with the page's facts gathered once, so that it can be
/// asked again once the main region is known (see `dropped_most_of_region`).
pub struct Classifier<'d, 'a> {
    dom: &'d Dom<'a>,
    options: &'d ExtractOptions,
    thread: bool,
    scope: Option<&'d Scope>,
    page: Page<'a>,
}

impl<'d, 'a> Classifier<'d, 'a> {
    /// `scope`, the caller's selectors, is obeyed before anything else:
    /// what it puts out is junk, what it pins is never dropped.
    pub fn new(dom: &'d Dom<'a>, options: &'d ExtractOptions, thread: bool, scope: Option<&'d Scope>) -> Self {
        let n = dom.len();
        // Text per subtree, leaving out only what is never text (scripts,
        // styles): guards below compare an element's share of the page,
        // the whole page whatever the caller's selectors leave of it.
        let mut raw_len = vec![0u32; n];
        for i in (0..n).rev() {
            if let Some(t) = dom.text(i) {
                raw_len[i] += t.trim().chars().count() as u32;
            }
            let parent = dom.nodes[i].parent;
            if parent != usize::MAX && !is_code_tag(dom.tag(i)) {
                raw_len[parent] += raw_len[i];
            }
        }
        let total = raw_len.get(dom.root).copied().unwrap_or(0).max(1) as f32;

        // Elements holding the page's headline or a full article are not
        // widgets, whatever their class says ("col-9 sidebar-first-only").
        let first_h1 = (0..n).find(|&i| dom.tag(i) == "h1" && is_headline(dom, i, options));
        let first_main = (0..n).find(|&i| dom.is_main_landmark(i));
        let holds_main = dom.with_ancestors(
            (0..n).map(|i| Some(i) == first_h1 || Some(i) == first_main || (dom.tag(i) == "article" && raw_len[i] >= ARTICLE_MIN_CHARS)).collect(),
        );
        let related = related_sections(dom, &raw_len, &holds_main, total);
        let attached_comments = if thread && !options.include_comments { comments_on_posts(dom, options, &raw_len) } else { vec![false; n] };
        let page =
            Page { choice_ids: choice_ids(dom), unfolded_ids: hidden::ids_a_control_unfolds(dom), raw_len, holds_main, related, attached_comments, total };
        Classifier { dom, options, thread, scope, page }
    }

    /// The drops, judged without a region (`None`), or again once the main
    /// region is known: then a widget name on most of the region names
    /// the region's content, as on most of a landmark.
    pub fn drops(&self, region: Option<usize>) -> Vec<Drop> {
        let (dom, options, page) = (self.dom, self.options, &self.page);
        let check_comments = !options.include_comments && !self.thread;
        let (drop, dropped_comments) = mark(dom, options, page, self.scope, region, check_comments);
        // The second look below is for comment words matched page-wide; on a
        // thread only the comment lists under its posts went, and they stay gone.
        if !dropped_comments || !check_comments {
            return drop;
        }
        // On a forum or Q&A page the "comments" are the content: when the
        // comment-like containers hold most of the text and there is no
        // article of any size outside them, keep them.
        let mut in_comments = 0u64;
        let mut kept = 0u64;
        let (plain, _) = mark(dom, options, page, self.scope, region, false);
        for i in 0..dom.len() {
            let Some(text) = dom.text(i) else { continue };
            if plain[i] != Drop::Keep {
                continue;
            }
            let len = text.trim().len() as u64;
            if drop[i] == Drop::Keep {
                kept += len;
            } else {
                in_comments += len;
            }
        }
        if in_comments > kept && kept < MAX_TEXT_BESIDE_THREAD {
            plain
        } else {
            drop
        }
    }

    /// Whether a dropped element inside the chosen `region` holds most of
    /// the region's text: then `drops(Some(region))` may keep it.
    pub fn dropped_most_of_region(&self, drop: &[Drop], region: usize) -> bool {
        (region..self.dom.nodes[region].end).any(|i| drop[i] == Drop::Boilerplate && holds_most_of_region(self.dom, &self.page.raw_len, Some(region), i))
    }
}

/// The comment sections after the main `region`, outside it: elements
/// `drop` (comments wanted) keeps and `plain` (comments not wanted) does
/// not, with text enough. The region is the article; WordPress and most
/// blogs put the comment list after it, a sibling, so wanting comments
/// must fetch them from there.
pub fn comment_sections(dom: &Dom, drop: &[Drop], plain: &[Drop], region: usize, text_len: &[u32]) -> Vec<usize> {
    let mut sections = Vec::new();
    let mut i = dom.nodes[region].end;
    while i < dom.len() {
        if drop[i] == Drop::Keep && plain[i] != Drop::Keep && text_len[i] >= COMMENTS_MIN_CHARS {
            sections.push(i);
            i = dom.nodes[i].end;
        } else {
            i += 1;
        }
    }
    sections
}

fn is_choice(dom: &Dom, i: usize) -> bool {
    dom.tag(i) == "input" && dom.attr(i, "type").is_some_and(|t| matches!(t.trim().to_ascii_lowercase().as_str(), "radio" | "checkbox"))
}

fn choice_ids<'a>(dom: &Dom<'a>) -> HashSet<&'a str> {
    (0..dom.len()).filter(|&i| is_choice(dom, i)).filter_map(|i| dom.attr(i, "id")).collect()
}

/// A `<label>` of a radio button or checkbox, by `for` or by wrapping one:
/// a product's size and colour pickers, a listing's filters. The choice the
/// reader makes, not what the page says.
fn labels_a_choice(dom: &Dom, label: usize, choice_ids: &HashSet<&str>) -> bool {
    (dom.attr(label, "for").is_some_and(|f| choice_ids.contains(f)) || (label + 1..dom.nodes[label].end).any(|j| is_choice(dom, j)))
        && dom.collapsed_text(label).chars().count() <= CHOICE_LABEL_MAX_CHARS
}

/// A choice is labelled in a few words; a longer label wraps a whole card
/// (a product tile with its "compare" box).
const CHOICE_LABEL_MAX_CHARS: usize = 40;

/// A paragraph this long is prose, not a teaser.
const TEASER_MAX_CHARS: u32 = 200;

/// Elements opened by a heading that announces related links ("Similar
/// items"): for each such heading, the largest ancestor whose first text is
/// that heading, short of the page's headline, article or prose. Such a
/// section may be most of a product page (a carousel of cards), so only
/// the landmark guard applies.
fn related_sections(dom: &Dom, raw_len: &[u32], holds_main: &[bool], total: f32) -> Vec<bool> {
    let n = dom.len();
    // First visible text node at or after each node, in document order.
    let mut next_text = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        let visible = dom.text(i).is_some_and(|t| !t.trim().is_empty()) && dom.nodes[i].parent != usize::MAX && !is_code_tag(dom.tag(dom.nodes[i].parent));
        next_text[i] = if visible { i } else { next_text[i + 1] };
    }
    // Teasers are short: a long paragraph belongs to the page itself.
    let has_prose = dom.with_ancestors((0..n).map(|i| dom.tag(i) == "p" && raw_len[i] >= TEASER_MAX_CHARS).collect());
    let mut related = vec![false; n];
    for heading in super::related::announcing_headings(dom) {
        let top = dom
            .ancestors(heading)
            .take_while(|&at| {
                !matches!(dom.tag(at), "body" | "html" | "main" | "article")
                    && !holds_main[at]
                    && !has_prose[at]
                    && raw_len[at] as f32 / total <= MAX_LANDMARK_SHARE
                    && next_text[at] == next_text[heading]
            })
            .last()
            .unwrap_or(heading);
        related[top] = true;
    }
    related
}

/// Per-page facts the drop pass consults.
struct Page<'a> {
    /// Text per subtree (see `Classifier::new`).
    raw_len: Vec<u32>,
    holds_main: Vec<bool>,
    related: Vec<bool>,
    /// Comment lists hanging under the posts of a thread (see `comments_on_posts`).
    attached_comments: Vec<bool>,
    /// Ids of the radio buttons and checkboxes (see `labels_a_choice`).
    choice_ids: HashSet<&'a str>,
    /// Ids of the panels "Read more" controls unfold (see `ids_a_control_unfolds`).
    unfolded_ids: HashSet<&'a str>,
    total: f32,
}

fn is_code_tag(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "template" | "head")
}

/// One top-down pass: an element's flag is inherited by its subtree. Also
/// says whether some element was dropped only for looking like comments.
fn mark(dom: &Dom, options: &ExtractOptions, page: &Page, scope: Option<&Scope>, region: Option<usize>, check_comments: bool) -> (Vec<Drop>, bool) {
    let n = dom.len();
    let mut dropped_comments = false;
    let mut drop = vec![Drop::Keep; n];
    // Inside an element kept by `holds_most_of_region`.
    let mut in_region_widget = vec![false; n];
    let inside_article = dom.within(|i| matches!(dom.tag(i), "article" | "main"));
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX && in_region_widget[parent] {
            in_region_widget[i] = true;
        }
        if parent != usize::MAX && drop[parent] != Drop::Keep {
            drop[i] = drop[parent];
            continue;
        }
        if let Some(scope) = scope {
            if scope.out[i] {
                drop[i] = Drop::Junk;
                continue;
            }
            if scope.pinned[i] {
                continue;
            }
        }
        let tag = dom.tag(i);
        if tag.is_empty() {
            continue;
        }
        let share = page.raw_len[i] as f32 / page.total;
        let parent_inside_article = parent != usize::MAX && inside_article[parent];
        if is_junk(dom, i, share, page.raw_len[i], parent_inside_article, &page.unfolded_ids) {
            drop[i] = Drop::Junk;
            continue;
        }
        if page.related[i] || (tag == "label" && labels_a_choice(dom, i, &page.choice_ids)) {
            drop[i] = Drop::Boilerplate;
            continue;
        }
        // An accordion item's panel may open as a sheet (`role=dialog`,
        // `<aside>`): what it folds away is the content.
        if (tag == "aside" || dom.attr(i, "role") == Some("dialog")) && folded_by_accordion(dom, i) {
            continue;
        }
        let consent = is_consent_manager(dom, i);
        let landmark = is_landmark_chrome(dom, i) || consent;
        // A container of the headline or article is not a widget, but it
        // can still be the comment list (long comments are <article>s).
        let check_comments = check_comments || page.attached_comments[i];
        let matched = consent || is_boilerplate(dom, i, inside_article[i], options, check_comments);
        let comments_only = matched && check_comments && !consent && !is_boilerplate(dom, i, inside_article[i], options, false);
        // Comments and reviews may outweigh the article or product they
        // follow: like landmarks, they are only kept when nearly the whole page.
        // A page `<header>` (not holding the headline) is chrome too: its
        // mega-menu can outweigh a short article.
        let max_share = if landmark || comments_only || tag == "header" { MAX_LANDMARK_SHARE } else { MAX_BOILERPLATE_SHARE };
        // A `<footer>` stays chrome at any share: when it holds nearly all
        // the text, the page is a script shell and the footer is all it has.
        let page_footer = tag == "footer" && !page.holds_main[i];
        // A widget name on most of the `<main>` or `<article>` it sits in,
        // or of the chosen region, names that content itself (a listing in
        // a "related-product" section, an article's "product-spotlight"
        // blocks). Inside such a region-sized widget, the parts named like
        // widgets ("promo" cards in a "promo-container") are its parts.
        let region_sized = holds_most_of_region(dom, &page.raw_len, region, i);
        let names_the_content = matched
            && !landmark
            && !comments_only
            && !matches!(tag, "header" | "form")
            && (in_region_widget[i] || holds_most_of_landmark(dom, &page.raw_len, i) || region_sized);
        in_region_widget[i] = in_region_widget[i] || (names_the_content && region_sized);
        if (share <= max_share || page_footer) && matched && (landmark || !page.holds_main[i] || comments_only) && !names_the_content {
            drop[i] = Drop::Boilerplate;
            dropped_comments = dropped_comments || comments_only;
        }
    }
    (drop, dropped_comments)
}

/// Share of the text of its `<main>`/`<article>` (or of the chosen
/// region) beyond which an element is that content, whatever its class
/// says. A widget beside an article holds less than the article.
const MAX_WIDGET_SHARE_OF_CONTENT: f32 = 0.6;

fn holds_most_of_landmark(dom: &Dom, raw_len: &[u32], i: usize) -> bool {
    let landmark = dom.ancestors(i).find(|&at| dom.is_main_landmark(at) || dom.tag(at) == "article");
    landmark.is_some_and(|l| raw_len[i] as f32 > MAX_WIDGET_SHARE_OF_CONTENT * raw_len[l] as f32)
}

fn holds_most_of_region(dom: &Dom, raw_len: &[u32], region: Option<usize>, i: usize) -> bool {
    region.is_some_and(|r| r < i && i < dom.nodes[r].end && raw_len[i] as f32 > MAX_WIDGET_SHARE_OF_CONTENT * raw_len[r] as f32)
}

/// Links a list needs to be read as a table of contents.
const TOC_MIN_LINKS: usize = 3;

/// A list of links to sections of one page ("#intro", "/guide#faq"), all
/// link text: the page's table of contents, which repeats its headings.
/// Footnote lists also link in-page, but hold prose besides the links.
fn is_table_of_contents(dom: &Dom, i: usize) -> bool {
    let (mut links, mut link_chars, mut chars) = (0, 0, 0);
    let mut in_link_until = 0;
    let mut document: Option<&str> = None;
    for j in i..dom.nodes[i].end {
        if dom.tag(j) == "a" {
            // Every link names a section of one document ("#faq", "/guide#faq").
            let Some((doc, section)) = dom.attr(j, "href").and_then(|h| h.trim().split_once('#')) else { return false };
            if section.is_empty() || document.is_some_and(|d| d != doc) {
                return false;
            }
            document = Some(doc);
            links += 1;
            in_link_until = dom.nodes[j].end;
        }
        if let Some(t) = dom.text(j) {
            let n = t.trim().chars().count();
            chars += n;
            if j < in_link_until {
                link_chars += n;
            }
        }
    }
    links >= TOC_MIN_LINKS && link_chars * 10 >= chars * 9
}

/// Words an id must have to be read as a heading's slug.
const ANCHOR_MIN_WORDS: usize = 3;
/// How far into a section its heading may sit (nodes).
const ANCHOR_HEADING_WITHIN: usize = 12;

/// Whether an id is the slug of the section's own heading, an anchor to
/// link to ("menu-innovation-strategies-building-memorable-…" over
/// "<h2>Menu Innovation Strategies: Building Memorable…"): its first word
/// names the section's topic, not a widget, unless the heading announces
/// related pages.
fn is_heading_anchor(dom: &Dom, i: usize, id: &str) -> bool {
    let id_words: Vec<&str> = id.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    if id_words.len() < ANCHOR_MIN_WORDS {
        return false;
    }
    let end = dom.nodes[i].end.min(i + ANCHOR_HEADING_WITHIN);
    let Some(heading) = (i + 1..end).find(|&j| is_heading(dom.tag(j))) else { return false };
    let text = dom.collapsed_text(heading).to_lowercase();
    // A section headed "Related products" is the widget its id says.
    if related::is_announcement(&text) {
        return false;
    }
    let heading_words: Vec<&str> = words(&text).collect();
    heading_words.len() >= id_words.len() && heading_words.iter().zip(&id_words).all(|(h, w)| h == w)
}

/// `<article>` items inside a `<form>` that make it a listing.
const FORM_LISTING_MIN_ITEMS: usize = 3;

fn is_boilerplate(dom: &Dom, i: usize, inside_article: bool, options: &ExtractOptions, check_comments: bool) -> bool {
    let Some(e) = dom.element(i) else { return false };
    let tag = e.name();
    if tag == "body" || tag == "html" || tag == "main" || tag == "article" {
        return false;
    }
    // A quotation's `<footer>` is its attribution ("— Rachel Carson").
    if tag == "footer" && dom.ancestors(i).take(QUOTE_FOOTER_LEVELS).any(|at| matches!(dom.tag(at), "blockquote" | "figure")) {
        return false;
    }
    if BOILERPLATE_TAGS.contains(&tag) {
        return true;
    }
    // A `<header>` is the page's banner unless a section, article or
    // `<main>` holds it: then it heads that part (as ARIA maps it).
    if tag == "header" && !inside_article && !dom.ancestors(i).any(|at| dom.tag(at) == "section") {
        return true;
    }
    if matches!(tag, "ul" | "ol") && is_table_of_contents(dom, i) {
        return true;
    }
    if tag == "form" {
        // Search boxes and sign-up forms; a form wrapping the whole page
        // (ASP.NET) is guarded by the share check in `classify`. A form
        // around a run of `<article>` items is a listing with "compare"
        // checkboxes (BigCommerce's product grid), not a widget.
        return (i..dom.nodes[i].end).filter(|&j| dom.tag(j) == "article").count() < FORM_LISTING_MIN_ITEMS;
    }
    if let Some(role) = e.attr("role") {
        if BOILERPLATE_ROLES.contains(&role.trim()) && !(WIDGET_ROLES.contains(&role.trim()) && holds_prose(dom, i)) {
            return true;
        }
    }
    let aggressive = options.focus == Focus::Precision;
    for token in class_and_id(e) {
        let token = token.to_ascii_lowercase();
        if token.split(['-', '_']).any(|w| HOLDERS_OF_SHORT_TEXT.contains(&w)) && holds_prose(dom, i) {
            continue;
        }
        if e.attr("id").is_some_and(|id| id.eq_ignore_ascii_case(&token)) && is_heading_anchor(dom, i, &token) {
            continue;
        }
        if token_is_boilerplate(&token, check_comments, aggressive) {
            return true;
        }
    }
    false
}

/// How far up a quotation's `<footer>` looks for its `<blockquote>` or
/// `<figure>`.
const QUOTE_FOOTER_LEVELS: usize = 2;

#[cfg(test)]
mod tests;
