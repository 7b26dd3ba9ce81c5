//! Metadata, layered per field: structured data first (JSON-LD, OpenGraph,
//! Dublin Core, `<meta>`), then page heuristics (`<h1>`, `<time>`, visible
//! bylines). Each field is decided on its own.

use std::collections::HashMap;

use url::Url;

use super::clean::Drop;
use super::dates::{self, NumericOrder};
use super::dom::{class_and_id, collapse, Dom};

mod byline;
mod dated;
mod entities;
mod linked_data;
mod title;

use byline::{
    byline_texts, clean_author, in_topic_link, is_machine_token, labelled_byline, looks_like_byline, looks_like_name, name_after_by_label, name_after_label,
    written_by_card,
};
use dated::{
    day, in_update_wrapper, names_a_date, short_date, visible_posted_date, visible_updated_date, DATE_BEFORE_TITLE_NODES, DATE_NEAR_TITLE_NODES,
    MAX_DATE_TEXT_CHARS,
};
pub(crate) use entities::html_unescape;
use linked_data::{linked_data, LinkedData};
pub use title::strip_site_name;
use title::{choose_title, in_hero_header, site_wide_title, TitleSources};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub canonical_url: Option<String>,
}

/// What the page declares about itself, gathered in one pass.
#[derive(Default)]
struct Sources {
    /// `<meta name|property|itemprop=... content=...>`, first value per key (keys lower-cased).
    meta: HashMap<String, String>,
    title_tag: Option<String>,
    /// The `<title>` is the site's, not the page's (see `site_wide_title`).
    title_is_site_wide: bool,
    /// The texts of the visible `<h1>` elements, in page order; the hero's
    /// when none is visible.
    h1s: Vec<String>,
    /// The first `<h1>` of a page header that is dropped as chrome but
    /// reads as the page's own hero (see `in_hero_header`).
    h1_in_hero: Option<String>,
    /// The first `<h1>` dropped with the chrome around it (a `<header>`
    /// outside the article), which the page's title may confirm.
    h1_dropped: Option<String>,
    html_lang: Option<String>,
    /// How the page writes numeric dates, from its `<html lang>`.
    numeric_order: NumericOrder,
    canonical: Option<String>,
    time_datetime: Option<String>,
    /// Days of every `<time>`, boilerplate's too (a sidebar's list of
    /// recent posts).
    time_days_anywhere: Vec<String>,
    /// Both readings of each kept `<time>` whose numeric date the page
    /// leaves open (see `dates::open_readings`).
    open_time_dates: Vec<[String; 2]>,
    /// Text of the first element whose class names a date ("post-date"),
    /// before the end of the content region.
    date_text: Option<String>,
    /// A short text node right after the `<h1>` that reads as a date.
    date_near_title: Option<String>,
    /// The first line after the `<h1>` that is nothing but a date.
    dateline_after_title: Option<String>,
    /// A date the page shows after an "Updated" label.
    updated_visible: Option<String>,
    /// Days of `<time>`s set in a wrapper classed as the update
    /// (`<span class="updated-on"><time>`).
    updated_classed_days: Vec<String>,
    /// A date after a "Posted on" label or a byline.
    posted_visible: Option<String>,
    /// Days (`YYYY-MM-DD`) of every date the page shows: `<time>`,
    /// date-classed elements, date lines around the headline.
    shown_days: Vec<String>,
    ld: LinkedData,
    byline_text: Option<String>,
    rel_author: Option<String>,
    /// Text of the first link to an author page (`/author/jane-doe`).
    author_link: Option<String>,
    /// The name after a visible "By" / "Written by" label.
    by_label: Option<String>,
}

pub fn extract(dom: &Dom, drop: &[Drop], region: usize, base: Option<&Url>, page_url: Option<&Url>) -> Metadata {
    let s = gather(dom, drop, region, base);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| s.meta.get(*k)).map(|v| collapse(&html_unescape(v))).filter(|v| !v.is_empty());

    let site_name = meta(&["og:site_name", "application-name", "twitter:site:name"]).or_else(|| s.ld.site_name.clone()).or_else(|| s.ld.publisher.clone());

    // Declared titles in Readability's order: Dublin Core first.
    let og_title = meta(&["dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "twitter:title", "parsely-title"]);
    let article = s.meta.get("og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) || s.ld.posting;
    let title_tag = s.title_tag.as_deref().filter(|_| !s.title_is_site_wide);
    // An `<h1>` spelling the domain's name ("Arch Linux" on
    // bbs.archlinux.org) is the logo.
    let h1 = s.h1s.first().map(String::as_str).filter(|h| !base.is_some_and(|b| title::names_the_host(h, b)));
    let canonical = s.canonical.clone().or_else(|| meta(&["og:url"])).and_then(|c| super::links::resolve_url(base, &c));
    // The address the publisher names (a fetched URL may be an alias) says
    // which headline the page was published under; the fetched one stands
    // in when it names none ("/" on a misconfigured site).
    let slug = title::headline_slug([canonical.as_ref(), page_url].into_iter().flatten().map(Url::path));
    // Soft hyphens (break hints inside long words, "Assis&shy;tance") are
    // invisible; a title is a field to match and search, so they go. The
    // text keeps them, as the page does.
    let title = choose_title(&TitleSources {
        title_tag,
        og: og_title.as_deref(),
        ld_headline: s.ld.headline.as_deref(),
        h1,
        h1s: &s.h1s,
        dropped_h1: s.h1_dropped.as_deref(),
        article,
        site: site_name.as_deref(),
        slug: &slug,
    })
    .map(|t| t.replace('\u{ad}', ""));

    let byline =
        s.ld.author
            .clone()
            .filter(|a| !is_machine_token(a))
            .or_else(|| {
                meta(&["dc:creator", "dcterm:creator", "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl"])
                    .filter(|a| !a.starts_with("http") && !is_machine_token(a))
            })
            .or_else(|| written_by_card(&s.meta))
            .or_else(|| s.rel_author.clone())
            .or_else(|| s.byline_text.clone())
            .or_else(|| s.by_label.clone())
            .or_else(|| s.author_link.clone())
            .map(|a| clean_author(&a))
            .filter(|a| !a.is_empty());
    // A declared author that is the site or its publisher ("USA TODAY",
    // "Instructables", "Jane Doe, The Commercial Appeal") stands in for the
    // writer the page names in its byline, when it names one.
    let names_site = |a: &String| {
        [site_name.as_deref(), s.ld.publisher.as_deref()].into_iter().flatten().map(title::fold).any(|site| !site.is_empty() && title::fold(a).contains(&site))
    };
    let byline = match byline {
        Some(declared) if names_site(&declared) => [&s.rel_author, &s.byline_text, &s.author_link]
            .into_iter()
            .flatten()
            .map(|a| clean_author(a))
            .find(|a| looks_like_name(a) && !names_site(a))
            .or(Some(declared)),
        b => b,
    };

    let published = dated::publication_date(&s, &meta, base);

    let language = s
        .html_lang
        .clone()
        .or_else(|| meta(&["content-language", "dc.language", "language"]))
        .or_else(|| s.ld.language.clone())
        .or_else(|| meta(&["og:locale"]))
        .and_then(|l| normalize_language(&l));

    // Readability's order again: Dublin Core, OpenGraph, then the plain tag.
    let description = meta(&["dc:description", "dcterm:description", "dc.description", "og:description", "description", "twitter:description"])
        .or_else(|| s.ld.description.clone());

    let canonical_url = canonical.map(String::from);
    Metadata { title, byline, published, language, site_name, description, canonical_url }
}

fn gather(dom: &Dom, drop: &[Drop], region: usize, base: Option<&Url>) -> Sources {
    let mut s = Sources::default();
    let in_comment = dom.within(|i| is_comment(dom, i));
    // `i` indexes the page and its per-node tables alike.
    #[allow(clippy::needless_range_loop)]
    for i in 0..dom.len() {
        let Some(e) = dom.element(i) else { continue };
        match e.name() {
            "html" if s.html_lang.is_none() => {
                s.html_lang = e.attr("lang").or_else(|| e.attr("xml:lang")).map(str::to_string);
                s.numeric_order = s.html_lang.as_deref().map(NumericOrder::of_language).unwrap_or_default();
            }
            "meta" => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    // Some frameworks carry the JSON-LD in a `<meta
                    // name="script:ld+json">` rather than a script.
                    if key.eq_ignore_ascii_case("script:ld+json") {
                        linked_data(content, &mut s.ld);
                    } else {
                        for k in key.split_ascii_whitespace() {
                            s.meta.entry(k.to_ascii_lowercase()).or_insert_with(|| content.to_string());
                        }
                    }
                }
            }
            "title" if s.title_tag.is_none() && !in_svg(dom, i) => {
                let t = dom.collapsed_text(i);
                if !t.is_empty() {
                    s.title_tag = Some(t);
                }
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if s.canonical.is_none() && rel.split_ascii_whitespace().any(|r| r == "canonical") {
                    s.canonical = e.attr("href").map(str::to_string);
                }
            }
            "script" if e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                linked_data(&dom.raw_text(i), &mut s.ld);
            }
            "h1" if drop[i] == Drop::Keep && !in_logo(dom, i) => {
                let t = dom.heading_text(i);
                if !t.is_empty() {
                    s.h1s.push(t);
                }
            }
            "h1" if drop[i] == Drop::Boilerplate && !in_logo(dom, i) => {
                let t = dom.heading_text(i);
                if !t.is_empty() {
                    if s.h1_in_hero.is_none() && in_hero_header(dom, i) {
                        s.h1_in_hero = Some(t.clone());
                    }
                    s.h1_dropped.get_or_insert(t);
                }
            }
            "abbr" if s.time_datetime.is_none() && drop[i] == Drop::Keep && e.attr("class").is_some_and(|c| c.contains("published")) => {
                s.time_datetime = e.attr("title").map(str::to_string);
            }
            "time" if drop[i] == Drop::Keep => {
                let attr = e.attr("datetime").and_then(|d| dates::normalize_as(d, s.numeric_order));
                let text = || dates::normalize_as(&dom.collapsed_text(i), s.numeric_order);
                // The day the reader sees beats a machine-readable one a
                // time zone away ("February 23" for 2026-02-24T04:13Z).
                let shown = match attr {
                    Some(a) => match text() {
                        Some(t) if t.len() == 10 && dates::days_apart(&day(&a), &t).is_some_and(|n| n.abs() == 1) => Some(t),
                        _ => Some(a),
                    },
                    None => text(),
                };
                match &shown {
                    Some(d) => {
                        s.shown_days.push(day(d));
                        s.time_days_anywhere.push(day(d));
                        if in_update_wrapper(dom, i) {
                            s.updated_classed_days.push(day(d));
                        }
                    }
                    None => s.open_time_dates.extend(e.attr("datetime").and_then(dates::open_readings)),
                }
                if s.time_datetime.is_none() {
                    s.time_datetime = shown;
                }
            }
            "time" => {
                if let Some(d) = e.attr("datetime").and_then(|d| dates::normalize_as(d, s.numeric_order)) {
                    s.time_days_anywhere.push(day(&d));
                }
            }
            "a" if s.rel_author.is_none() && e.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t == "author")) => {
                // A link to the author's page may read "View more posts".
                let t = dom.collapsed_text(i);
                if looks_like_name(&clean_author(&t)) {
                    s.rel_author = Some(t);
                }
            }
            "a" if s.author_link.is_none() && drop[i] != Drop::Junk && e.attr("href").is_some_and(|h| h.contains("/author/") || h.contains("/authors/")) => {
                let t = dom.collapsed_text(i);
                if looks_like_name(&t) {
                    s.author_link = Some(t);
                }
            }
            // A web component's machine-readable creation time (Reddit's
            // `<shreddit-post created-timestamp=…>`), first one only: the post.
            _ if s.time_datetime.is_none() && drop[i] == Drop::Keep && e.attr("created-timestamp").is_some() => {
                s.time_datetime = e.attr("created-timestamp").and_then(|d| dates::normalize_as(d, s.numeric_order));
            }
            _ => {}
        }
        if drop[i] != Drop::Junk && names_a_date(e) {
            let t = dom.collapsed_text(i);
            // Text nodes glued without a space ("Health" + "DECEMBER 22,
            // 2022" + "Updated: JANUARY 02, 2026") are read one by one
            // first, so the glue does not hide the first date; a date split
            // over nodes ("<b>Dec</b> 22, 2022") is read whole.
            let by_node = || dom.shown_nodes(i, |_| false).filter_map(|j| dom.text(j)).find_map(|t| short_date(t, s.numeric_order));
            let date = (t.chars().count() <= MAX_DATE_TEXT_CHARS).then(by_node).flatten();
            if let Some(d) = date.or_else(|| short_date(&t, s.numeric_order)) {
                s.shown_days.push(day(&d));
                // Below the content a dated element belongs to another
                // page: a related post's card, a comment.
                if i < dom.nodes[region].end {
                    s.date_text.get_or_insert(d);
                }
            }
        }
        if s.byline_text.is_none() && drop[i] != Drop::Junk && looks_like_byline(e) {
            // The first text of the element: later ones are job titles.
            // A microdata author names itself in a property
            // (`<div itemprop=author itemscope><meta itemprop=name content=julian>`).
            let named = || (i..dom.nodes[i].end).find(|&j| dom.attr(j, "itemprop") == Some("name")).and_then(|j| dom.attr(j, "content"));
            let first = if labelled_byline(dom, i) {
                name_after_label(dom, i)
            } else {
                byline_texts(dom, i).find(|&(j, _)| !in_topic_link(dom, j, i)).map(|(_, t)| t).or_else(named).unwrap_or("").to_string()
            };
            let t = clean_author(&first);
            // A commenter did not write the page.
            if looks_like_name(&t) && !in_comment[i] {
                s.byline_text = Some(t);
            }
        }
    }
    // A `<time>` the page leaves open ("02-12-2025") is the day its other
    // `<time>`s write in full, when they name only one of its readings (a
    // sidebar lists the same post as "2025-12-02").
    if s.time_datetime.is_none() {
        s.time_datetime =
            s.open_time_dates.iter().find_map(|readings| match readings.iter().filter(|d| s.time_days_anywhere.contains(d)).collect::<Vec<_>>()[..] {
                [one] => Some(one.clone()),
                _ => None,
            });
    }
    if s.h1s.is_empty() {
        s.h1s.extend(s.h1_in_hero.take());
    }
    let texts = visible_texts(dom, drop);
    s.title_is_site_wide = !s.h1s.is_empty() && s.title_tag.as_deref().zip(base).is_some_and(|(t, b)| site_wide_title(t, b, &texts));
    // Shops label their menus "By Gender & Age", "By Brand": a "By" inside
    // a menu names no author.
    let menu = dom.within(|i| is_menu(dom, i));
    let texts_outside_menus = visible_texts_where(dom, drop, |i| !menu[i]);
    s.by_label = name_after_by_label(&texts_outside_menus);
    let order = s.numeric_order;
    s.updated_visible = visible_updated_date(&texts, order);
    s.posted_visible = visible_posted_date(&texts, order);
    // A date line just after the headline, else just before it (a
    // kicker or dateline above the title); without an <h1>, from the
    // start of the article, else of the content region (table-layout
    // news sites and forums mark up neither).
    let anchor = dom.find("h1").or_else(|| dom.find("article")).or_else(|| dom.find("main")).unwrap_or(region);
    let date_line = |j: usize| Some(j).filter(|&j| drop[j] != Drop::Junk).and_then(|j| dom.text(j)).map(str::trim).filter(|t| !t.is_empty());
    let after: Vec<(&str, String)> =
        (anchor..dom.len()).filter_map(date_line).take(DATE_NEAR_TITLE_NODES).filter_map(|t| Some((t, short_date(t, order)?))).collect();
    // The first dated text after the headline, when it is a dateline
    // the reader sees (not a sentence, a citation or a poster's "Joined").
    s.dateline_after_title = (anchor..dom.len())
        .filter(|&j| drop[j] == Drop::Keep)
        .filter_map(date_line)
        .take(DATE_NEAR_TITLE_NODES)
        .find_map(|t| Some((t, short_date(t, order)?)))
        .filter(|(t, _)| dates::is_dateline(t))
        .map(|(_, d)| d);
    let before: Vec<(&str, String)> =
        (0..anchor).rev().filter_map(date_line).take(DATE_BEFORE_TITLE_NODES).filter_map(|t| Some((t, short_date(t, order)?))).collect();
    s.date_near_title = after.first().or(before.first()).map(|(_, d)| d.clone());
    // A sentence naming a date ("As of July 31, 2024, we had:") is not a
    // date the page is shown with.
    s.shown_days.extend(after.iter().chain(&before).filter(|(t, _)| dates::is_dateline(t)).map(|(_, d)| day(d)));
    s
}

/// A menu: a `<nav>`, a `<button>`, a `<select>` ("Sort: By Review"), an
/// element with role `navigation` or `menu…`.
fn is_menu(dom: &Dom, i: usize) -> bool {
    matches!(dom.tag(i), "nav" | "button" | "select") || dom.attr(i, "role").is_some_and(|r| r == "navigation" || r.starts_with("menu"))
}

/// A comment's element ("comment-author vcard", `<li class=comment>`).
fn is_comment(dom: &Dom, i: usize) -> bool {
    dom.element(i).is_some_and(|e| class_and_id(e).any(|t| t.to_ascii_lowercase().contains("comment")))
}

/// The non-empty text nodes a reader can see, trimmed, in document order.
fn visible_texts<'a>(dom: &Dom<'a>, drop: &[Drop]) -> Vec<&'a str> {
    visible_texts_where(dom, drop, |_| true)
}

/// `visible_texts` of the nodes `keep` accepts.
fn visible_texts_where<'a>(dom: &Dom<'a>, drop: &[Drop], keep: impl Fn(usize) -> bool) -> Vec<&'a str> {
    (0..dom.len()).filter(|&i| drop[i] != Drop::Junk && keep(i)).filter_map(|i| dom.text(i)).map(str::trim).filter(|t| !t.is_empty()).collect()
}

/// Whether an element sits in the site's logo or brand block (some
/// themes put the site name in an `<h1>` there). Class names are matched
/// in part ("navbar-brand", "siteLogo"), except a post's taxonomy classes:
/// WordPress and Squarespace mark a post tagged "sustainable brands" with
/// `tag-sustainable-brands`, which says nothing about where it sits.
pub(crate) fn in_logo(dom: &Dom, i: usize) -> bool {
    dom.self_and_ancestors(i).take(4).any(|at| {
        dom.attr(at, "class").unwrap_or("").split_ascii_whitespace().any(|token| {
            let token = token.to_ascii_lowercase();
            !TAXONOMY_CLASS_PREFIXES.iter().any(|p| token.starts_with(p)) && LOGO_CLASS_WORDS.iter().any(|w| token.contains(w))
        })
    })
}

const LOGO_CLASS_WORDS: &[&str] = &["logo", "brand", "site-title", "site-name"];
/// Classes a CMS derives from a post's tags and categories.
const TAXONOMY_CLASS_PREFIXES: &[&str] = &["tag-", "category-", "tags-", "categories-", "term-"];

fn in_svg(dom: &Dom, i: usize) -> bool {
    dom.self_and_ancestors(i).any(|at| dom.tag(at) == "svg")
}

/// `en_US` → `en-US`; anything that is not a language tag → None.
pub(crate) fn normalize_language(raw: &str) -> Option<String> {
    let tag = raw.split(',').next()?.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let rest: Vec<String> = parts.filter(|p| !p.is_empty()).map(|p| if p.len() == 2 { p.to_ascii_uppercase() } else { p.to_string() }).collect();
    Some(std::iter::once(primary).chain(rest).collect::<Vec<_>>().join("-"))
}

#[cfg(test)]
mod tests;
