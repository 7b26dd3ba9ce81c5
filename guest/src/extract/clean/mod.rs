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

use super::dom::{class_and_id, Dom};
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
    classify_around(dom, options, thread, None)
}

/// `classify` again once the main region is known: a widget name on most
/// of the region names the region's content, as on most of a landmark
/// (see `dropped_most_of_region` for when to ask).
pub fn classify_in_region(dom: &Dom, options: &ExtractOptions, thread: bool, region: usize) -> Vec<Drop> {
    classify_around(dom, options, thread, Some(region))
}

fn classify_around(dom: &Dom, options: &ExtractOptions, thread: bool, region: Option<usize>) -> Vec<Drop> {
    let n = dom.len();
    // Text per subtree, leaving out only what is never text (scripts,
    // styles): guards below compare an element's share of the page.
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
    let holds_main = dom
        .with_ancestors((0..n).map(|i| Some(i) == first_h1 || Some(i) == first_main || (dom.tag(i) == "article" && raw_len[i] >= ARTICLE_MIN_CHARS)).collect());
    let related = related_sections(dom, &raw_len, &holds_main, total);
    let attached_comments = if thread && !options.include_comments { comments_on_posts(dom, options, &raw_len) } else { vec![false; n] };
    let choice_ids = choice_ids(dom);
    let unfolded_ids = hidden::ids_a_control_unfolds(dom);
    let page = Page {
        raw_len: &raw_len,
        holds_main: &holds_main,
        related: &related,
        attached_comments: &attached_comments,
        choice_ids: &choice_ids,
        unfolded_ids: &unfolded_ids,
        total,
        region,
    };
    let check_comments = !options.include_comments && !thread;
    let (drop, dropped_comments) = mark(dom, options, &page, check_comments);
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
    let (plain, _) = mark(dom, options, &page, false);
    for i in 0..n {
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
struct Page<'p> {
    /// Text per subtree (see `classify`).
    raw_len: &'p [u32],
    holds_main: &'p [bool],
    related: &'p [bool],
    /// Comment lists hanging under the posts of a thread (see `comments_on_posts`).
    attached_comments: &'p [bool],
    /// Ids of the radio buttons and checkboxes (see `labels_a_choice`).
    choice_ids: &'p HashSet<&'p str>,
    /// Ids of the panels "Read more" controls unfold (see `ids_a_control_unfolds`).
    unfolded_ids: &'p HashSet<&'p str>,
    total: f32,
    /// The main region, once chosen (see `classify_in_region`).
    region: Option<usize>,
}

fn is_code_tag(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "template" | "head")
}

/// One top-down pass: an element's flag is inherited by its subtree. Also
/// says whether some element was dropped only for looking like comments.
fn mark(dom: &Dom, options: &ExtractOptions, page: &Page, check_comments: bool) -> (Vec<Drop>, bool) {
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
        let tag = dom.tag(i);
        if tag.is_empty() {
            continue;
        }
        let share = page.raw_len[i] as f32 / page.total;
        let parent_inside_article = parent != usize::MAX && inside_article[parent];
        if is_junk(dom, i, share, page.raw_len[i], parent_inside_article, page.unfolded_ids) {
            drop[i] = Drop::Junk;
            continue;
        }
        if page.related[i] || (tag == "label" && labels_a_choice(dom, i, page.choice_ids)) {
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
        let names_the_content = matched
            && !landmark
            && !comments_only
            && !matches!(tag, "header" | "form")
            && (in_region_widget[i] || holds_most_of_landmark(dom, page.raw_len, i) || holds_most_of_region(dom, page.raw_len, page.region, i));
        if names_the_content && holds_most_of_region(dom, page.raw_len, page.region, i) {
            in_region_widget[i] = true;
        }
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

/// Whether a dropped subtree inside the chosen `region` holds most of the
/// region's text: then `classify_in_region` may keep it. Text is counted
/// as `classify` counts it (everything but scripts and styles).
pub fn dropped_most_of_region(dom: &Dom, drop: &[Drop], region: usize) -> bool {
    let end = dom.nodes[region].end;
    let (mut total, mut dropped, mut widest) = (0u32, 0u32, 0u32);
    let mut dropped_until = region;
    for (j, flag) in drop.iter().enumerate().take(end).skip(region) {
        if j >= dropped_until {
            widest = widest.max(dropped);
            dropped = 0;
            if *flag == Drop::Boilerplate {
                dropped_until = dom.nodes[j].end;
            }
        }
        let Some(text) = dom.text(j) else { continue };
        if is_code_tag(dom.tag(dom.nodes[j].parent)) {
            continue;
        }
        let len = text.trim().chars().count() as u32;
        total += len;
        if j < dropped_until {
            dropped += len;
        }
    }
    widest.max(dropped) as f32 > MAX_WIDGET_SHARE_OF_CONTENT * total as f32
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
    if tag == "header" && !inside_article {
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
        // A modal holding prose is content folded into a dialog (a shop's
        // "Product details" and size guide), not a sign-up prompt. "popup",
        // "overlay" and "drawer" held with prose are still chrome (dev: 2 lost).
        if token.split(['-', '_']).any(|w| w == "modal") && holds_prose(dom, i) {
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
mod tests {
    use super::*;
    use scraper::Html;

    /// The text nodes `classify` keeps, concatenated.
    fn kept_text(page: &str) -> String {
        let html = Html::parse_document(page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        (0..dom.len()).filter(|&i| drop[i] == Drop::Keep).filter_map(|i| dom.text(i)).collect()
    }

    /// How `classify` marks the first element whose `attr` equals each of `values`.
    fn drops_of(page: &str, attr: &str, values: &[&str]) -> Vec<Drop> {
        let html = Html::parse_document(page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        values.iter().map(|v| drop[(0..dom.len()).find(|&i| dom.attr(i, attr) == Some(*v)).unwrap()]).collect()
    }

    #[test]
    fn a_form_around_listed_items_is_a_listing() {
        let item = |n: u32| format!("<article><h3><a href='/p{n}'>Air purifier model {n}</a></h3><p>$89.99</p></article>");
        let items: String = (1..=3).map(item).collect();
        let page = format!("<body><form action='/compare'>{items}</form><form action='/search'><input name=q><button>Search the shop</button></form></body>");
        let kept = kept_text(&page);
        assert!(kept.contains("Air purifier model 3"), "{kept}");
        assert!(!kept.contains("Search the shop"), "{kept}");
    }

    #[test]
    fn a_mega_menu_header_is_chrome_even_when_it_outweighs_the_page() {
        let menu: String = (0..40).map(|n| format!("<li><a href='/p{n}'>Product family {n}</a><p>What product family {n} does for you.</p></li>")).collect();
        let page = format!(
            "<body><header><ul>{menu}</ul></header><div id='post'><h1>What is cloud computing?</h1><p>{}</p></div></body>",
            "Cloud computing is renting computers. ".repeat(10)
        );
        let kept = kept_text(&page);
        assert!(kept.contains("renting computers"), "{kept}");
        assert!(!kept.contains("Product family"), "{kept}");
    }

    #[test]
    fn tables_of_contents_go_but_footnotes_stay() {
        let toc = "<ol><li><a href='/guide#why'>Why ferns</a></li><li><a href='/guide#which'>Which ferns</a></li><li><a href='/guide#care'>Caring for them</a></li></ol>";
        let notes = "<ol><li>Smith, Ferns (2020), p. 4. <a href='#r1'>back</a></li><li>Jones, Fronds (2019). <a href='#r2'>back</a></li><li>Lee, Shade (2021). <a href='#r3'>back</a></li></ol>";
        let menu = "<ul><li><a href='/a#x'>Alpha</a></li><li><a href='/b#x'>Beta</a></li><li><a href='/c#x'>Gamma</a></li></ul>";
        let kept = kept_text(&format!("<body><p>Intro.</p>{toc}{notes}{menu}</body>"));
        assert!(!kept.contains("Which ferns"), "{kept}");
        assert!(kept.contains("Jones, Fronds"), "{kept}");
        assert!(kept.contains("Beta"), "{kept}");
    }

    #[test]
    fn a_modal_of_prose_is_content_but_a_sign_up_modal_is_not() {
        let details = "Choose whether to stand the shelf upright or lay it down as a sideboard. ".repeat(8);
        let page = format!(
            "<body><main><h1>Shelf unit</h1><p>A shelf for every room.</p>\
            <div class='product-details-modal'><p>{details}</p></div>\
            <div class='signup-modal'><p>Get 10% off your first order.</p></div></main></body>"
        );
        let kept = kept_text(&page);
        assert!(kept.contains("sideboard"), "{kept}");
        assert!(!kept.contains("10% off"), "{kept}");
    }

    #[test]
    fn size_and_colour_pickers_are_not_content() {
        let page = "<body><main><h1>Arrival T-Shirt</h1><p>A slim training tee in sweat-wicking fabric.</p>\
            <fieldset><legend>Size</legend><input type=radio id=s-xs><label for=s-xs>xs</label><input type=radio id=s-xl><label for=s-xl>xl</label></fieldset>\
            <label><input type=checkbox> Gift wrap</label><label for=email>Email</label><input id=email>\
            <label for=c1><input type=checkbox id=c1><h3>Cotton tee</h3><p>Our softest tee, now in six colours and a relaxed, boxy cut.</p></label></main></body>";
        let kept = kept_text(page);
        assert!(!kept.contains("xl") && !kept.contains("Gift wrap"), "{kept}");
        assert!(kept.contains("Email") && kept.contains("softest tee"), "{kept}");
    }

    #[test]
    fn closed_tabs_beside_an_open_one_are_content_but_a_lone_hidden_tab_is_not() {
        let page = "<body><div id='product'><h1>Graphics card</h1><div class='tabs'>\
            <div class='tab-pane' style='display:block'><p>Overview: 5760 CUDA cores.</p></div>\
            <div class='tab-pane' style='display:none'><p>Specifications: 12GB GDDR5.</p></div></div>\
            <div class='settings'><div class='tab-pane' style='display:none'><p>Choose your region.</p></div></div></div></body>";
        let kept = kept_text(page);
        assert!(kept.contains("12GB GDDR5"), "{kept}");
        assert!(!kept.contains("Choose your region"), "{kept}");
    }

    #[test]
    fn a_panel_a_read_more_control_unfolds_is_content_but_a_pop_up_menu_is_not() {
        let page = "<body><main><h1>Iris hemp dress</h1><p>A flowing dress in three layers.</p>\
            <button aria-expanded='false' aria-controls='more'>Read more</button><div id='more' style='display:none'><p>Materials: 100% hemp, azo-free dyes.</p></div>\
            <button aria-expanded='false' aria-haspopup='true' aria-controls='account'>Account</button><div id='account' style='display:none'><p>Sign in to your account.</p></div></main></body>";
        let kept = kept_text(page);
        assert!(kept.contains("100% hemp"), "{kept}");
        assert!(!kept.contains("Sign in"), "{kept}");
    }

    #[test]
    fn an_accordion_panel_that_opens_as_a_sheet_is_content() {
        let page = "<body><main><h1>Arrival T-Shirt</h1><div class='accordion_item'><button>Description</button>\
            <div role='dialog'><aside class='sheet'><p>Sweat-wicking, slim fit training top.</p></aside></div></div>\
            <div role='dialog'><aside class='sheet'><p>Get an alert when your size is back.</p></aside></div></main></body>";
        let kept = kept_text(page);
        assert!(kept.contains("Sweat-wicking"), "{kept}");
        assert!(!kept.contains("Get an alert"), "{kept}");
    }

    #[test]
    fn footer_of_a_script_shell_is_not_content() {
        let links: String = (0..30).map(|n| format!("<a href='/c{n}'>Category number {n}</a> ")).collect();
        let shell = format!("<html><body><div id='root'>Loading</div><footer>{links}</footer></body></html>");
        assert_eq!(kept_text(&shell).trim(), "Loading");
    }

    #[test]
    fn a_widget_name_on_most_of_the_main_landmark_names_its_content() {
        let items: String = (0..8).map(|n| format!("<h3>Robotic mower model {n}</h3><p>Covers up to {n} acres, quietly.</p>")).collect();
        // Site chrome outweighs the listing, so the page-wide share guard does not apply.
        let links: String = (0..40).map(|n| format!("<a href='/c{n}'>Garden tools category {n}</a> ")).collect();
        let header = format!("<header><nav>{links}</nav></header>");
        let listing = format!("<body>{header}<main><h1>Mowers</h1><section class='related-product'>{items}</section></main></body>");
        assert_eq!(drops_of(&listing, "class", &["related-product"]), vec![Drop::Keep]);
        // Beside an article that outweighs it, the same section is a widget.
        let body = "<p>Mowing in spirals leaves a cleaner edge than mowing in rows, and it spares the turn marks.</p>".repeat(8);
        let article = format!("<body>{header}<main><h1>Mowing</h1>{body}<section class='related-product'>{items}</section></main></body>");
        assert_eq!(drops_of(&article, "class", &["related-product"]), vec![Drop::Boilerplate]);
    }

    #[test]
    fn boilerplate_tokens() {
        assert!(token_is_boilerplate("site-nav", true, false));
        assert!(token_is_boilerplate("cookie-banner", true, false));
        assert!(token_is_boilerplate("post-share", true, false));
        assert!(token_is_boilerplate("comments", true, false));
        assert!(!token_is_boilerplate("comments", false, false));
        assert!(!token_is_boilerplate("entry-content", true, false));
        assert!(!token_is_boilerplate("shared-content", true, false));
        assert!(!token_is_boilerplate("header-title-large", true, false));
        assert!(!token_is_boilerplate("badge", true, false));
        assert!(!token_is_boilerplate("wsite-not-footer", true, false));
        assert!(!token_is_boilerplate("no-sidebar", true, false));
        assert!(!token_is_boilerplate("container--section-more-ads", true, false));
        assert!(token_is_boilerplate("menu--open", true, false));
        // Skip-link *targets* are content sections ("skip-item").
        assert!(!token_is_boilerplate("skip-item", true, false));
        assert!(!token_is_boilerplate("accordion-item__dropdown", true, false));
        assert!(!token_is_boilerplate("faq_tabs-menu", true, false));
        assert!(!token_is_boilerplate("sidebar-enabled--false", true, false));
        assert!(token_is_boilerplate("sidemenu-container", true, false));
        assert!(token_is_boilerplate("topnav", true, false));
        assert!(token_is_boilerplate("message-userextras", true, false));
        assert!(token_is_boilerplate("author_statistics", true, false));
        assert!(!token_is_boilerplate("caravan", true, false));
        // A qualifying first word: a card that can be subscribed to.
        assert!(!token_is_boilerplate("subscription-eligible", true, false));
        assert!(token_is_boilerplate("subscription-form", true, false));
        assert!(token_is_boilerplate("nav-table", true, false));
    }

    #[test]
    fn drops_chrome_and_junk_but_keeps_article_header() {
        let kept = kept_text(
            "<body><header>Site</header><nav>Menu</nav><article><header><h1>T</h1></header><p>Body</p>\
             <div class='share-buttons'>Share</div></article><script>x()</script>\
             <div style='display: none'>hidden</div><footer>F</footer></body>",
        );
        assert_eq!(kept, "TBody");
    }

    #[test]
    fn big_sidebar_is_still_a_sidebar() {
        let archive = "<li><a href=/m>March 2023 archive</a></li>".repeat(6);
        let page = format!("<body><article><p>A short article body of real prose.</p></article><aside><ul>{archive}</ul></aside></body>");
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        assert_eq!(drop[dom.find("aside").unwrap()], Drop::Boilerplate);
        // A class-named wrapper with the same share is kept.
        let page = page.replace("<aside>", "<div class='sidebar'>").replace("</aside>", "</div>");
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        assert_eq!(drop[dom.find("ul").unwrap()], Drop::Keep);
    }

    #[test]
    fn container_of_the_headline_is_not_a_widget() {
        let page = "<body><header><h1 class='logo'>Site</h1></header><section class='col-9 sidebar-first-only'>\
                    <h1>Ferns</h1><p>Text.</p></section><div class='sidebar'><p>Links</p></div></body>";
        assert_eq!(drops_of(page, "class", &["col-9 sidebar-first-only", "sidebar"]), [Drop::Keep, Drop::Boilerplate]);
    }

    #[test]
    fn section_opened_by_a_related_heading_is_dropped() {
        let cards = "<div class='card'><a href=/x>Another product title</a><span>$10</span></div>".repeat(8);
        let page = format!(
            "<body><div class='item'><h1>Lamp</h1><p>Price $20</p></div>\
             <div class='x1'><div class='x2'><h2>Similar items</h2></div><div>{cards}</div></div>\
             <div class='x3'><h2>Latest news</h2><p>Listing pages open with this.</p></div></body>"
        );
        // Site-wide announcements (x3) only go inside the region (`render`).
        assert_eq!(drops_of(&page, "class", &["x1", "item", "x3"]), [Drop::Boilerplate, Drop::Keep, Drop::Keep]);
    }

    #[test]
    fn collapsed_panels_are_content_a_click_away() {
        let kept = kept_text(
            "<body><main><p>A product description long enough to be most of the page, as product copy is.</p>\
             <div class='accordion__panel' style='display:none'>Care instructions</div>\
             <div role='tabpanel' hidden>Specs</div><div role='region' aria-labelledby='q1' style='display:none'>Answer</div>\
             <div><div>What does it cost?</div> <div style='visibility:hidden'>Nine euros.</div></div>\
             <button aria-expanded='false'>Does it fold?</button><div hidden class='faq-answer'>Flat.</div><button>Buy now?</button>\
             <div><div>Price list</div><div style='visibility:hidden'>Secret offer</div></div></main><div role='tabpanel' hidden>Push settings</div>\
             <div style='display:none'>Popup</div></body>",
        );
        // Then an FAQ without ARIA or class names: an answer under its
        // question is shown on a click, the second not. An FAQ's question
        // as its toggle button stays; a plain button goes.
        assert!(kept.ends_with("is.Care instructionsSpecsAnswerWhat does it cost? Nine euros.Does it fold?Flat.Price list"), "{kept}");
    }

    #[test]
    fn aria_hidden_sentences_are_shown_text() {
        let teaser = "Walmart now has the headphones in new colours, which were previously not offered in the US.";
        let page = format!(
            "<body><p>{teaser} {teaser} {teaser}</p><p><a aria-hidden='true' href=/s>{teaser}</a><span aria-hidden='true'>icon</span>\
             <span aria-hidden='true' class='hide'>{teaser}</span></p></body>"
        );
        assert_eq!(kept_text(&page), format!("{teaser} {teaser} {teaser}{teaser}"));
    }

    #[test]
    fn streamed_react_chunks_are_the_page() {
        let kept = kept_text(
            "<body><main><p>Intro that is long enough to be most of the page text here.</p></main>\
             <div hidden id='S:1'><p>Streamed body</p></div><div hidden id='S:x'>Not a chunk</div></body>",
        );
        assert!(kept.ends_with("here.Streamed body"), "{kept}");
    }

    #[test]
    fn misused_widget_roles_do_not_drop_prose() {
        let answer = "An answer of real prose that a visitor reads once the panel is open. ".repeat(8);
        let page = format!(
            "<body><div role='tablist' id='faq'><h3>Question?</h3><p>{answer}</p></div>\
             <div role='tablist' id='tabs'><a href=#a>Overview</a><a href=#b>Specs</a></div><p>{answer}</p></body>"
        );
        assert_eq!(drops_of(&page, "id", &["faq", "tabs"]), [Drop::Keep, Drop::Boilerplate]);
    }

    #[test]
    fn consent_manager_is_dropped_even_when_it_outweighs_the_page() {
        let purposes = "<p>These cookies may be set through our site by our advertising partners to build a profile.</p>".repeat(3);
        let page = format!("<body><div id='onetrust-consent-sdk'>{purposes}</div><article><p>A short thread post: does anyone know what these two ports are for?</p></article></body>");
        assert_eq!(drops_of(&page, "id", &["onetrust-consent-sdk"]), [Drop::Boilerplate]);
    }

    #[test]
    fn threads_are_known_by_url_or_markup() {
        assert!(looks_like_thread(Some("https://www.warriorforum.com/beginners-area/14-simple.html"), ""));
        assert!(looks_like_thread(Some("https://example.com/t/start-here/68911"), ""));
        assert!(looks_like_thread(Some("https://example.com/a"), r#"{"@type":"DiscussionForumPosting"}"#));
        assert!(!looks_like_thread(Some("https://example.com/blog/forms-guide"), ""));
    }

    #[test]
    fn comments_under_q_and_a_posts_go_but_forum_replies_stay() {
        let body = "<p>I tried mounting the drive with the sync option, but writes still land in the cache first, and a power cut loses them.</p>";
        let post = |id: &str| {
            format!("<div class='post' id='{id}'><div class='post-body'>{body}</div><div class='comments'><ul><li>Did you try -o sync on the mount?</li><li>Yes, same result.</li></ul></div></div>")
        };
        let page = format!("<body><div id='question'>{}</div><div id='answers'>{}{}</div></body>", post("q"), post("a1"), post("a2"));
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), true);
        let comments: Vec<Drop> = (0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("comments")).map(|i| drop[i]).collect();
        assert_eq!(comments, [Drop::Boilerplate; 3]);
        assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("post-body")).all(|i| drop[i] == Drop::Keep));
        // A forum whose replies are "comments", each beside its poster's card.
        let reply = format!("<div class='comment'><div class='author'>sam · 120 posts</div><div class='content'>{body}</div></div>");
        let forum = format!("<body><div class='comments'>{}</div></body>", reply.repeat(3));
        let html = Html::parse_document(&forum);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), true);
        assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("content")).all(|i| drop[i] == Drop::Keep));
        // Asked for, comments stay.
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions { include_comments: true, ..Default::default() }, true);
        assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("comments")).all(|i| drop[i] == Drop::Keep));
    }

    #[test]
    fn reviews_go_even_when_they_outweigh_the_product() {
        // A product with a real description (not a thread: that would keep
        // them) and twice as much review text.
        let about = "<p>The #1 bestseller about building good habits and breaking bad ones, in small steps.</p>".repeat(16);
        let review = "<p>Great book, practical and clear, I recommend it to everyone who wants better habits.</p>".repeat(32);
        let page = format!("<body><div id='desc'><h1>Atomic Habits</h1>{about}</div><div id='customerReviews'>{review}</div></body>");
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        let reviews = (0..dom.len()).find(|&i| dom.attr(i, "id") == Some("customerReviews")).unwrap();
        assert_eq!(drop[reviews], Drop::Boilerplate);
        // With comments asked for, they stay.
        let options = ExtractOptions { include_comments: true, ..ExtractOptions::default() };
        assert_eq!(classify(&dom, &options, false)[reviews], Drop::Keep);
    }

    #[test]
    fn wrapper_with_boilerplate_class_is_not_dropped() {
        let html = Html::parse_document("<body><div class='has-sidebar page-menu'><p>Lots of real text here.</p></div></body>");
        let dom = Dom::new(&html);
        let drop = classify(&dom, &ExtractOptions::default(), false);
        let p = dom.find("p").unwrap();
        assert_eq!(drop[p], Drop::Keep);
    }
}
