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

use byline::{clean_author, looks_like_byline, looks_like_name, name_after_by_label, written_by_card, BY_LABELS, MAX_BYLINE_CHARS};
use dated::{
    day, in_update_wrapper, names_a_date, short_date, visible_posted_date, visible_updated_date, DATE_BEFORE_TITLE_NODES, DATE_NEAR_TITLE_NODES,
    MAX_DATE_TEXT_CHARS,
};
use entities::html_unescape;
use linked_data::{linked_data, LinkedData};
pub use title::strip_site_name;
use title::{choose_title, in_hero_header, site_wide_title};

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
    h1: Option<String>,
    /// The first `<h1>` of a page header that is dropped as chrome but
    /// reads as the page's own hero (see `in_hero_header`).
    h1_in_hero: Option<String>,
    /// Visible `<h1>` elements with text.
    h1_count: usize,
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

pub fn extract(dom: &Dom, drop: &[Drop], region: usize, base: Option<&Url>) -> Metadata {
    let s = gather(dom, drop, region, base);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| s.meta.get(*k)).map(|v| collapse(&html_unescape(v))).filter(|v| !v.is_empty());

    let site_name = meta(&["og:site_name", "application-name", "twitter:site:name"]).or_else(|| s.ld.site_name.clone()).or_else(|| s.ld.publisher.clone());

    // Declared titles in Readability's order: Dublin Core first.
    let og_title = meta(&["dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "twitter:title", "parsely-title"]);
    let article = s.meta.get("og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) || s.ld.posting;
    let title_tag = s.title_tag.as_deref().filter(|_| !s.title_is_site_wide);
    // An `<h1>` spelling the domain's name ("Arch Linux" on
    // bbs.archlinux.org) is the logo.
    let h1 = s.h1.as_deref().filter(|h| !base.is_some_and(|b| title::names_the_host(h, b)));
    // Soft hyphens (break hints inside long words, "Assis&shy;tance") are
    // invisible; a title is a field to match and search, so they go. The
    // text keeps them, as the page does.
    let title =
        choose_title(title_tag, og_title.as_deref(), s.ld.headline.as_deref(), h1, s.h1_count, article, site_name.as_deref()).map(|t| t.replace('\u{ad}', ""));

    let byline =
        s.ld.author
            .clone()
            .or_else(|| {
                meta(&["dc:creator", "dcterm:creator", "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl"])
                    .filter(|a| !a.starts_with("http"))
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

    let canonical_url = s.canonical.clone().or_else(|| meta(&["og:url"])).and_then(|c| super::render::resolve(base, &c));

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
                    s.h1_count += 1;
                    s.h1.get_or_insert(t);
                }
            }
            "h1" if s.h1_in_hero.is_none() && drop[i] == Drop::Boilerplate && in_hero_header(dom, i) => {
                let t = dom.heading_text(i);
                if !t.is_empty() {
                    s.h1_in_hero = Some(t);
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
                if let Some(d) = &shown {
                    s.shown_days.push(day(d));
                    if in_update_wrapper(dom, i) {
                        s.updated_classed_days.push(day(d));
                    }
                }
                if let Some(d) = &shown {
                    s.time_days_anywhere.push(day(d));
                } else if let Some(readings) = e.attr("datetime").and_then(dates::open_readings) {
                    s.open_time_dates.push(readings);
                }
                if s.time_datetime.is_none() {
                    s.time_datetime = shown;
                }
            }
            "time" => {
                if let Some(d) = e.attr("datetime").and_then(dates::normalize) {
                    s.time_days_anywhere.push(day(&d));
                }
            }
            "a" if s.rel_author.is_none() && e.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t == "author")) => {
                let t = dom.collapsed_text(i);
                if !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS {
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
            // Not a script's text, nor a form field's label (a honeypot's
            // "If you are a human, ignore this field" in a "username" box).
            let text = dom.shown_nodes(i, |j| matches!(dom.tag(j), "noscript" | "label")).filter_map(|j| dom.text(j)).map(str::trim).find(|t| !t.is_empty());
            let first = text.or_else(named).unwrap_or("");
            let first = if BY_LABELS.contains(&first.to_lowercase().as_str()) { dom.collapsed_text(i) } else { first.to_string() };
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
    if s.h1.is_none() {
        s.h1 = s.h1_in_hero.take();
        s.h1_count = usize::from(s.h1.is_some());
    }
    let texts = visible_texts(dom, drop);
    s.title_is_site_wide = s.h1.is_some() && s.title_tag.as_deref().zip(base).is_some_and(|(t, b)| site_wide_title(t, b, &texts));
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
fn normalize_language(raw: &str) -> Option<String> {
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
mod tests {
    use super::*;
    use crate::extract::clean::classify;
    use crate::model::ExtractOptions;
    use scraper::Html;

    fn meta_of(html: &str) -> Metadata {
        meta_at(html, "https://example.com/a/b")
    }

    fn meta_at(html: &str, url: &str) -> Metadata {
        let html = Html::parse_document(html);
        let dom = Dom::new(&html);
        let options = ExtractOptions::default();
        let drop = classify(&dom, &options, false);
        let region = crate::extract::content::analyse(&dom, &drop, &options).region;
        extract(&dom, &drop, region, Url::parse(url).ok().as_ref())
    }

    #[test]
    fn json_ld_graph_wins() {
        let m = meta_of(
            r#"<html lang="en_gb"><head><title>Big News | The Paper</title>
            <meta property="og:site_name" content="The Paper">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Paper"},
            {"@type":"NewsArticle","headline":"Big News","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
            "datePublished":"2021-04-05T08:00:00Z"}]}</script><link rel="canonical" href="/a/b?x=1#top"></head>
            <body><h1>Big News</h1><p>Text</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Big News"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(m.published.as_deref(), Some("2021-04-05T08:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a/b?x=1"));
    }

    #[test]
    fn json_ld_with_raw_line_breaks_in_strings() {
        let page = "<html><head><script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\", \"headline\": \"Direct thread\",\n\"articleBody\": \"No stream link.\nThe VOD goes up later.\", \"datePublished\": \"2024-02-21 13:00:00\"}</script></head><body><p>x</p></body></html>";
        assert_eq!(meta_of(page).published.as_deref(), Some("2024-02-21"));
    }

    #[test]
    fn json_ld_inside_cdata() {
        let m = meta_of(
            r#"<html><head><meta property="article:published_time" content="2015-12-11">
            <script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle","headline":"Big News","datePublished":"2015-10-15"} ]]></script>
            </head><body><p>Text</p></body></html>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2015-10-15"));
    }

    #[test]
    fn shown_update_date_wins_only_when_alone_and_unlabelled() {
        let page = r#"<html><head><script type="application/ld+json">{"@type":"Article","headline":"Ferns",
            "datePublished":"2020-01-01","dateModified":"2021-05-05"}</script></head>
            <body><h1>Ferns</h1><p><time datetime="2021-05-05">May 5, 2021</time></p><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).published.as_deref(), Some("2021-05-05"));
        let both = page.replace("<p>Text</p>", "<p class='pubdate'>January 1, 2020</p>");
        assert_eq!(meta_of(&both).published.as_deref(), Some("2020-01-01"));
        // Labelled as the update, it is not the publication.
        let labelled = page.replace("<p><time", "<p>Updated <time");
        assert_eq!(meta_of(&labelled).published.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn older_dateline_under_the_headline_beats_a_reset_declared_date() {
        let page = |shown: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="2025-06-24T10:00:00Z"></head>
                <body><h1>Ferns</h1><div class="meta"><span>Ann Lee</span><span>{shown}</span></div><p>Text</p></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("August 25, 2024")).published.as_deref(), Some("2024-08-25"));
        // A day apart is the time zone; a sentence that names a date is not a dateline.
        assert_eq!(meta_of(&page("June 23, 2025")).published.as_deref(), Some("2025-06-24T10:00:00Z"));
        // A declared day without a time a day off is not a time zone's doing.
        let day_only = page("June 23, 2025").replace("2025-06-24T10:00:00Z", "2025-06-24");
        assert_eq!(meta_of(&day_only).published.as_deref(), Some("2025-06-23"));
        assert_eq!(meta_of(&page("As of July 31, 2024, we had:")).published.as_deref(), Some("2025-06-24T10:00:00Z"));
        assert_eq!(super::dates::days_apart("2024-12-31", "2025-03-01"), Some(60));
    }

    #[test]
    fn a_dated_card_below_the_content_does_not_date_the_page() {
        let prose = "<p>Filing your own taxes is easier than it looks once the forms are in front of you and sorted.</p>".repeat(130);
        let page = |top: &str| {
            format!(
                r#"<html><body><main><h1>Seven tax services</h1>{top}<article>{prose}</article></main>
                <aside><h2>Related articles</h2><div class="card"><span class="byline__date">January 31, 2025</span><a href="/other">Filing as a student</a></div></aside></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("")).published, None);
        assert_eq!(meta_of(&page(r#"<span class="post-date">January 27, 2025</span>"#)).published.as_deref(), Some("2025-01-27"));
    }

    #[test]
    fn a_time_in_an_update_wrapper_is_the_update() {
        let page = |wrapper: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="2020-03-10T15:30:00+00:00">
                <meta property="article:modified_time" content="2025-02-12T13:28:34+00:00"></head>
                <body><h1>Japan for the first time</h1><span class="{wrapper}"><time class="entry-date published updated" datetime="2025-02-12T13:28:34+05:30">12th February 2025</time></span><p>Text</p></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("updated-on")).published.as_deref(), Some("2020-03-10T15:30:00+00:00"));
        // Unlabelled, the one day shown is the date the page means.
        assert_eq!(meta_of(&page("posted-on")).published.as_deref(), Some("2025-02-12T13:28:34+00:00"));
    }

    #[test]
    fn a_date_element_is_read_node_by_node_before_its_glued_text() {
        let page = r#"<html><body><header><div class="article-dateline-wrapper"><a href="/c">Mental Health</a><span>DECEMBER 22, 2022</span><span class="updated">Updated: JANUARY 02, 2026</span></div>
            <h1>Ten ways meditation helps</h1></header><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).published.as_deref(), Some("2022-12-22"));
        let split = r#"<html><body><h1>Ferns</h1><div class="post-date"><b>Dec</b> 22, 2022</div><p>Text</p></body></html>"#;
        assert_eq!(meta_of(split).published.as_deref(), Some("2022-12-22"));
        // A script inside the element is not what the reader sees.
        let scripted = split.replace("<b>Dec</b>", r#"<script>window.built = "2019-05-01";</script><b>Dec</b>"#);
        assert_eq!(meta_of(&scripted).published.as_deref(), Some("2022-12-22"));
    }

    #[test]
    fn the_one_older_day_a_page_shows_beats_a_reset_declared_date() {
        let prose = "<p>Ferns keep their fronds through the winter in most of the temperate gardens we visited.</p>".repeat(12);
        let page = |times: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="2025-06-24T10:00:00Z"></head>
                <body><h1>Ferns</h1>{prose}<footer>Posted {times}</footer></body></html>"#
            )
        };
        let time = |d: &str| format!("<time datetime={d}>{d}</time>");
        assert_eq!(meta_of(&page(&time("2022-11-02"))).published.as_deref(), Some("2022-11-02"));
        // Pages that show several days, or a later one, keep what they declare.
        let two = format!("{} {}", time("2022-11-02"), time("2023-01-05"));
        assert_eq!(meta_of(&page(&two)).published.as_deref(), Some("2025-06-24T10:00:00Z"));
        assert_eq!(meta_of(&page(&time("2025-08-01"))).published.as_deref(), Some("2025-06-24T10:00:00Z"));
    }

    #[test]
    fn without_headline_markup_the_date_is_looked_for_at_the_content() {
        let prose = "<p>Homestead gardening has made rural communities more self-reliant, officials said on Saturday.</p>".repeat(3);
        let page = format!("<body><div class='menu'><a href='/'>Home</a></div><table><tr><td><div class='news'><b>Gardens thrive</b><div>20 Dec 2025, 11:59</div>{prose}</div></td></tr></table></body>");
        assert_eq!(meta_of(&page).published.as_deref(), Some("2025-12-20"));
    }

    #[test]
    fn a_posted_label_or_a_byline_dates_the_page_far_from_the_headline() {
        // 200 table-of-contents lines put both dates out of the headline's reach.
        let contents = "<li><a href='#s'>Section</a></li>".repeat(200);
        let prose = "<p>Mobile apps take planning, design and testing before they reach the store.</p>".repeat(3);
        let byline =
            format!("<body><h1>How apps are made</h1><ul>{contents}</ul><p>Written by</p><p><a href='/a'>Moses Kim</a></p><p>April 8, 2024</p>{prose}</body>");
        assert_eq!(meta_of(&byline).published.as_deref(), Some("2024-04-08"));
        let posted = format!("<body><h1>Index types</h1><ul>{contents}</ul><div class='meta'><span>Posted on April 13, 2023</span></div>{prose}</body>");
        assert_eq!(meta_of(&posted).published.as_deref(), Some("2023-04-13"));
        // An unlabelled date that far down is no date of the page.
        let unlabelled = format!("<body><h1>Index types</h1><ul>{contents}</ul><p>April 13, 2023</p>{prose}</body>");
        assert_eq!(meta_of(&unlabelled).published, None);
    }

    #[test]
    fn a_title_naming_only_the_site_gives_way_to_the_headline() {
        let thread = r#"<html><head><title>Example - The front page of everything</title></head>
            <body><h1>Cast iron or steel?</h1><p>Which pan do you use?</p></body></html>"#;
        assert_eq!(meta_of(thread).title.as_deref(), Some("Cast iron or steel?"));
        // The page shows the rest of its title: it is the page's own.
        let section = r#"<html><head><title>Example - Clearance Clothing</title></head>
            <body><h1>Sale</h1><p>Clearance clothing for everyone.</p></body></html>"#;
        assert_eq!(meta_of(section).title.as_deref(), Some("Clearance Clothing"));
    }

    #[test]
    fn an_h1_naming_the_site_is_not_the_headline() {
        let post = r#"<html><head><title>A brief intro to git • Jane Roe</title></head>
            <body><h1>Jane Roe</h1><h2>A brief intro to git</h2><p>Git tracks changes.</p></body></html>"#;
        assert_eq!(meta_of(post).title.as_deref(), Some("A brief intro to git"));
    }

    #[test]
    fn soft_hyphens_leave_the_title() {
        let page = "<html><head><title>Home Repair Assis&shy;tance Program</title></head><body><p>Text</p></body></html>";
        assert_eq!(meta_of(page).title.as_deref(), Some("Home Repair Assistance Program"));
    }

    #[test]
    fn a_hero_header_h1_is_the_headline_but_a_site_header_link_is_not() {
        let hero = r#"<html><head><title>Rent a car | Cars</title><meta property="og:type" content="article"></head><body>
            <header class="site"><h1><a href="/">Cars</a></h1></header>
            <div><header class="article-hero"><h1>Seven tips for renting a car</h1></header>
            <p>Book early and read the contract before you sign it.</p></div></body></html>"#;
        assert_eq!(meta_of(hero).title.as_deref(), Some("Seven tips for renting a car"));
    }

    #[test]
    fn the_day_the_reader_sees_beats_a_utc_timestamp_a_day_off() {
        let shown = r#"<html><body><h1>Home gyms</h1><time datetime="2026-02-24T04:13:00Z">February 23, 2026</time><p>Text</p></body></html>"#;
        assert_eq!(meta_of(shown).published.as_deref(), Some("2026-02-23"));
        let declared = r#"<html><head><meta property="article:published_time" content="2025-12-19T02:41:41+00:00"></head><body><p>Text</p></body></html>"#;
        let on_permalink = meta_at(declared, "https://example.com/2025/12/18/comfort-watches/");
        assert_eq!(on_permalink.published.as_deref(), Some("2025-12-18"));
        // Farther apart, the declared date stands (the post was redated).
        let moved = meta_at(declared, "https://example.com/2025/12/10/comfort-watches/");
        assert_eq!(moved.published.as_deref(), Some("2025-12-19T02:41:41+00:00"));
    }

    #[test]
    fn a_reddit_post_is_dated_by_its_creation_timestamp() {
        let page = r#"<html><body><shreddit-post author="EuroStepJam" created-timestamp="2026-03-04T23:03:50.740000+0000"><h1>Enameled pan</h1>
            <p>Text</p></shreddit-post><shreddit-comment created-timestamp="2026-03-05T08:00:00.000000+0000"><p>Reply</p></shreddit-comment></body></html>"#;
        assert_eq!(meta_of(page).published.as_deref(), Some("2026-03-04T23:03:50.740000+00:00"));
    }

    #[test]
    fn a_numeric_date_is_read_as_the_page_writes_it() {
        let page = |lang: &str| format!("<html lang='{lang}'><body><h1>Wine styles</h1><span class='post-date'>03/10/2023</span><p>Text</p></body></html>");
        assert_eq!(meta_of(&page("en-GB")).published.as_deref(), Some("2023-10-03"));
        assert_eq!(meta_of(&page("en-US")).published.as_deref(), Some("2023-03-10"));
        // Without a region, the permalink's named month settles it.
        let on_permalink = meta_at(&page("en"), "https://example.com/blog/2023/october/03/wine-styles/");
        assert_eq!(on_permalink.published.as_deref(), Some("2023-10-03"));
    }

    #[test]
    fn an_element_classed_as_the_update_does_not_date_the_publication() {
        // Far below the headline, as a sidebar's "Updated" stamp is.
        let body = "<p>Text</p>".repeat(150);
        let page = format!(
            r#"<html><head><meta property="article:published_time" content="2025-06-01T08:42:15-04:00">
            <meta property="article:modified_time" content="2025-10-30T10:45:07-04:00"></head>
            <body><h1>Data tools</h1>{body}<span class="date updated">2025-10-30</span></body></html>"#
        );
        assert_eq!(meta_of(&page).published.as_deref(), Some("2025-06-01T08:42:15-04:00"));
    }

    #[test]
    fn linked_data_in_a_meta_element_is_read() {
        let page = r#"<html><head><meta name="script:ld+json" content='{"@type":"Article","headline":"Full EV cars: a 2025 guide","datePublished":"2025-11-17T09:00:00-05:00"}'>
            </head><body><p>Text</p></body></html>"#;
        let m = meta_of(page);
        assert_eq!(m.published.as_deref(), Some("2025-11-17T09:00:00-05:00"));
        assert_eq!(m.title.as_deref(), Some("Full EV cars: a 2025 guide"));
    }

    #[test]
    fn declared_titles_in_readability_order() {
        let page = r#"<html><head><title>Title Element</title><meta property="x:title dc:title" content="Preferred title">
            <meta property="og:title twitter:title" content="A title"></head><body><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Preferred title"));
        let parsely = r#"<html><head><meta name="parsely-title" content="Some Other Title"></head><body><h1>Test document title</h1><p>Text</p></body></html>"#;
        assert_eq!(meta_of(parsely).title.as_deref(), Some("Some Other Title"));
    }

    #[test]
    fn character_references_left_in_declared_values_are_decoded() {
        assert_eq!(html_unescape("&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0;"), "&#xg; 😭 😭 \u{fffd} \u{fffd}");
        assert_eq!(html_unescape("Tom &amp; Jerry &rsquo;s &unknown; & more"), "Tom & Jerry ’s &unknown; & more");
        let hostile = "&".repeat(1_000_000);
        assert_eq!(html_unescape(&hostile), hostile);
        let page = r#"<html><head><meta property="dc:creator" content="Creator Name"><meta name="author" content="Other">
            <meta property="og:description" content="Tom &amp;amp; Jerry"><meta name="description" content="Plain"></head><body><p>Text</p></body></html>"#;
        let m = meta_of(page);
        assert_eq!(m.byline.as_deref(), Some("Creator Name"));
        assert_eq!(m.description.as_deref(), Some("Tom & Jerry"));
    }

    #[test]
    fn bylines_lose_stray_punctuation_and_doubled_quotes() {
        assert_eq!(clean_author("\"David Kim\""), "David Kim");
        assert_eq!(clean_author(", USA TODAY"), "USA TODAY");
        assert_eq!(clean_author("By Jane Doe,"), "Jane Doe");
    }

    #[test]
    fn post_header_labels_and_initials_are_not_names() {
        for label in ["Post time", "Topic Author", "via", "Text by", "NB", "J", "Username", "Sign in", "This article was", "Recipe by", "recipient of the"] {
            assert!(!looks_like_name(label), "{label}");
        }
        for name in ["galitsyn", "Nicole Burke", "Ann-Marie O'Neil", "Jo Li"] {
            assert!(looks_like_name(name), "{name}");
        }
        // The rule's cost: a two-letter name standing alone reads as initials.
        assert!(!looks_like_name("Jo"));
    }

    #[test]
    fn form_fields_containers_and_look_alike_classes_are_not_bylines() {
        let page = |body_class: &str, inside: &str| {
            format!(r#"<html><body class="{body_class}"><h1>Ferns in winter</h1><p>Ferns keep their fronds.</p>{inside}</body></html>"#)
        };
        for (body_class, inside) in [
            ("single-author", "<div><a href='#content'>Skip to main content</a></div>"),
            ("", r#"<form><p class="comment-form-author"><label for="author">Name</label><input id="author"></p></form>"#),
            ("", r#"<div class="username_17660"><label for="username">If you are a human, ignore this field</label><input name="username"></div>"#),
            ("", r#"<div class="authorized-dealer">Authorized Dealer</div>"#),
            ("", r#"<article class="entry author-jennifer-charles"><a href="/c">Comment</a></article>"#),
            ("", r#"<select><option>By Review</option></select>"#),
            ("", r#"<span class="author-name"><script>Static.COOKIE_BANNER = true;</script></span>"#),
        ] {
            assert_eq!(meta_of(&page(body_class, inside)).byline, None, "{inside}");
        }
    }

    #[test]
    fn a_site_standing_in_as_author_gives_way_to_the_byline() {
        let page = |declared: &str| {
            format!(
                r#"<html><head><meta property="og:site_name" content="USA TODAY"><meta name="author" content="{declared}"></head>
                <body><h1>Review: a film</h1><div class="byline">Brian Truitt</div><p>The film is long.</p></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("USA TODAY")).byline.as_deref(), Some("Brian Truitt"));
        assert_eq!(meta_of(&page("Jane Roe")).byline.as_deref(), Some("Jane Roe"));
        // A commenter is nobody's byline.
        let comment = r#"<html><head><meta property="og:site_name" content="Travel Tips"><meta name="author" content="Travel Tips"></head>
            <body><h1>Packing</h1><p>Pack light.</p><ol><li class="comment"><div class="comment-author vcard"><b class="fn">copywriter4u</b></div></li></ol></body></html>"#;
        assert_eq!(meta_of(comment).byline.as_deref(), Some("Travel Tips"));
    }

    #[test]
    fn a_by_label_in_a_menu_names_no_author() {
        let page = |article: &str| {
            format!(
                r#"<html><body><nav><ul><li><button>By Gender &amp; Age</button></li><li><span>By Brand</span></li></ul></nav>
                <div role="menubar"><a href="/a">By Activity</a></div><h1>Kids' jackets</h1>{article}<p>Warm jackets for every age.</p></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("")).byline, None);
        assert_eq!(meta_of(&page("<p>By Jane Doe</p>")).byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn a_forum_poster_or_a_microdata_author_is_the_byline() {
        let page = |poster: &str| format!("<html><body><h1>Desktop GPUs</h1><ul><li>{poster}</li></ul><p>Which card should I buy?</p></body></html>");
        let xenforo = page(r#"<a href="/members/samuelmiz.3009205/" class="username u-concealed">SamuelMIz</a>"#);
        assert_eq!(meta_of(&xenforo).byline.as_deref(), Some("SamuelMIz"));
        let nodebb = page(r#"<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="julian"></div>"#);
        assert_eq!(meta_of(&nodebb).byline.as_deref(), Some("julian"));
        // The reader's own account box is nobody's byline.
        let login = page(r#"<div class="username-my-account"><span class="username-sign-in">Sign in</span></div>"#);
        assert_eq!(meta_of(&login).byline, None);
    }

    #[test]
    fn an_h1_spelling_the_domain_is_the_logo() {
        let thread = r#"<html><head><title>What happened with the ISO / Discussion / Fern Linux Forums</title></head>
            <body><h1>Fern Linux</h1><p>The ISO was rebuilt twice this year.</p></body></html>"#;
        let m = meta_at(thread, "https://bbs.fernlinux.co.uk/viewtopic.php?id=1");
        assert_eq!(m.title.as_deref(), Some("What happened with the ISO"));
    }

    #[test]
    fn a_shortened_og_title_gives_way_to_the_full_title() {
        let page = r#"<html><head><title>What will the watch market do in 2024? | Watch Forums</title>
            <meta property="og:title" content="What will the watch market do..."></head><body><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("What will the watch market do in 2024?"));
    }

    #[test]
    fn a_title_cut_inside_a_word_gives_way_to_the_headline() {
        let page = r#"<html><head><title>Set up your monitor, laptop, and k | Desk Shop</title></head>
            <body><h1>Set up your monitor, laptop, and keyboard</h1><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Set up your monitor, laptop, and keyboard"));
        // A title that stops at a whole word is the page's own choice, not a cut.
        let whole_word = page.replace("and k |", "and |");
        assert_eq!(meta_of(&whole_word).title.as_deref(), Some("Set up your monitor, laptop, and"));
    }

    #[test]
    fn an_open_numeric_date_takes_the_reading_the_page_writes_in_full() {
        let page = |sidebar: &str| {
            format!(
                r#"<html lang="en"><body><article><h1>Pixel-perfect UI pipelines</h1><time datetime="02-12-2025">02-12-2025</time>
                <p>The pipeline renders every frame twice.</p></article><aside><ul><li><a href="/blog/pixel">Pixel-perfect UI pipelines</a>
                {sidebar}</li></ul></aside></body></html>"#
            )
        };
        assert_eq!(meta_of(&page(r#"<time datetime="2025-12-02">December 02, 2025</time>"#)).published.as_deref(), Some("2025-12-02"));
        // Left open when nothing else on the page settles it.
        assert_eq!(meta_of(&page("")).published, None);
    }

    #[test]
    fn headline_or_page_title() {
        let article = r#"<html><head><title>Ferns in winter | Garden Notes</title><meta property="og:type" content="article"></head>
            <body><h1>Why ferns outlast the winter</h1><p>Text</p></body></html>"#;
        assert_eq!(meta_of(article).title.as_deref(), Some("Why ferns outlast the winter"));
        // On a landing page the same lone <h1> is a slogan: the title names the page.
        let landing = article.replace("article", "website").replace("Why ferns outlast the winter", "Build what comes next");
        assert_eq!(meta_of(&landing).title.as_deref(), Some("Ferns in winter"));
        // A WordPress page's WebPage with a publication date is not an article; a BlogPosting is.
        let web_page = r#"{"@graph": [{"@type": "WebPage", "name": "Ferns in winter", "datePublished": "2024-01-02"}]}"#;
        let with_ld = |ld: &str| landing.replace("</head>", &format!("<script type='application/ld+json'>{ld}</script></head>"));
        assert_eq!(meta_of(&with_ld(web_page)).title.as_deref(), Some("Ferns in winter"));
        assert_eq!(meta_of(&with_ld(&web_page.replace("WebPage", "BlogPosting"))).title.as_deref(), Some("Build what comes next"));
        assert_eq!(strip_site_name("Acme | Cloud hosting for growing teams", None), "Cloud hosting for growing teams");
    }

    #[test]
    fn meta_and_visible_fallbacks() {
        let m = meta_of(
            r#"<html><head><title>How to bake bread - Kitchen Blog</title>
            <meta name="description" content="A guide."></head>
            <body><div class="logo"><h1>Kitchen Blog Home</h1></div><span class="byline">By Ann Smith</span>
            <time datetime="2019-02-03">Feb 3</time><p>Text</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("How to bake bread"));
        assert_eq!(m.byline.as_deref(), Some("Ann Smith"));
        assert_eq!(m.published.as_deref(), Some("2019-02-03"));
        assert_eq!(m.description.as_deref(), Some("A guide."));
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(strip_site_name("Sudo - ArchWiki", None), "Sudo");
        assert_eq!(strip_site_name("Hugging Face – The AI community building the future.", None), "Hugging Face");
        assert_eq!(strip_site_name("No separators here", None), "No separators here");
        assert_eq!(strip_site_name(" | Nuts & Volts Magazine", None), "Nuts & Volts Magazine");
        assert_eq!(strip_site_name("Ferns | The Garden Notes Magazine", Some("The Garden Notes Magazine")), "Ferns");
        assert_eq!(clean_author("By Jane Doe and John Roe"), "Jane Doe and John Roe");
        assert_eq!(clean_author("Maria &amp; Katerina"), "Maria & Katerina");
    }
}
