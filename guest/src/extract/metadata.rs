//! Metadata, layered per field: structured data first (JSON-LD, OpenGraph,
//! Dublin Core, `<meta>`), then page heuristics (`<h1>`, `<time>`, visible
//! bylines). Each field is decided on its own.

use std::collections::HashMap;

use serde_json::Value;
use url::Url;

use super::clean::Drop;
use super::dates;
use super::dom::{class_and_id, collapse, Dom};

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

/// Separators between a page title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " : "];

/// `<meta>` keys that give the publication date, most specific first.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time", "datepublished", "publishdate", "pubdate", "publish-date", "publish_date",
    "published", "published-date", "date-pub", "article:published", "date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "og:published_time", "article.published", "published_time", "citation_publication_date",
    "citation_date", "citation_online_date", "ms.date", "cludo:date", "release_date", "created", "datecreated", "og:publish_date",
    "og:article:published_time", "cxenseparse:publishtime", "published_at", "publish_time", "published_date",
    "w-published-date", "cdc:first_published",
];
/// `<meta>` keys that give the last modification.
const MODIFIED_META_KEYS: &[&str] = &["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"];
/// Class/id words of elements that show a date.
const DATE_CLASS_WORDS: &[&str] = &["date", "time", "published", "posted", "dateline", "timestamp", "pubdate", "publish", "post-date", "entry-date"];
/// Text nodes after the `<h1>` searched for a visible date.
const DATE_NEAR_TITLE_NODES: usize = 120;
/// Text nodes before the `<h1>` searched when none after it has a date.
const DATE_BEFORE_TITLE_NODES: usize = 15;
/// A text longer than this is prose, not a date line.
const MAX_DATE_TEXT_CHARS: usize = 80;

/// A visible byline longer than this is a sentence, not a name.
const MAX_BYLINE_CHARS: usize = 80;

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
    canonical: Option<String>,
    time_datetime: Option<String>,
    /// Text of the first element whose class names a date ("post-date").
    date_text: Option<String>,
    /// A short text node right after the `<h1>` that reads as a date.
    date_near_title: Option<String>,
    /// The first line after the `<h1>` that is nothing but a date.
    dateline_after_title: Option<String>,
    /// A date the page shows after an "Updated" label.
    updated_visible: Option<String>,
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

/// The fields we use from JSON-LD, from the most article-like object.
#[derive(Default, Debug)]
struct LinkedData {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
    language: Option<String>,
    site_name: Option<String>,
}

pub fn extract(dom: &Dom, drop: &[Drop], region: usize, base: Option<&Url>) -> Metadata {
    let s = gather(dom, drop, region, base);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| s.meta.get(*k)).map(|v| collapse(&html_unescape(v))).filter(|v| !v.is_empty());

    let site_name = meta(&["og:site_name", "application-name", "twitter:site:name"])
        .or_else(|| s.ld.site_name.clone())
        .or_else(|| s.ld.publisher.clone());

    // Declared titles in Readability's order: Dublin Core first.
    let og_title = meta(&["dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "twitter:title", "parsely-title"]);
    let article = s.meta.get("og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) || s.ld.headline.is_some() || s.ld.published.is_some();
    let title_tag = s.title_tag.as_deref().filter(|_| !s.title_is_site_wide);
    // Soft hyphens (break hints inside long words, "Assis&shy;tance") are
    // invisible; a title is a field to match and search, so they go. The
    // text keeps them, as the page does.
    let title = choose_title(title_tag, og_title.as_deref(), s.ld.headline.as_deref(), s.h1.as_deref(), s.h1_count, article, site_name.as_deref()).map(|t| t.replace('\u{ad}', ""));

    let byline = s
        .ld
        .author
        .clone()
        .or_else(|| meta(&["dc:creator", "dcterm:creator", "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl"]).filter(|a| !a.starts_with("http")))
        .or_else(|| written_by_card(&s.meta))
        .or_else(|| s.rel_author.clone())
        .or_else(|| s.byline_text.clone())
        .or_else(|| s.by_label.clone())
        .or_else(|| s.author_link.clone())
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty());

    // Publication date: declared dates first, then visible ones; the
    // modification date only when nothing says when it was published.
    let declared = s.ld.published.as_deref().and_then(dates::normalize).or_else(|| meta(PUBLISHED_META_KEYS).as_deref().and_then(dates::normalize));
    let modified = s.ld.modified.as_deref().and_then(dates::normalize).or_else(|| meta(MODIFIED_META_KEYS).as_deref().and_then(dates::normalize));
    // Pages that show only their last update, unlabelled, mean it as the
    // date to cite. One that says "Updated Dec 4" tells it apart from the
    // publication, which the declared date then gives.
    let shows_only = |d: &String| !s.shown_days.is_empty() && s.shown_days.iter().all(|shown| *shown == day(d));
    let labelled_update = |d: &String| s.updated_visible.as_ref().is_some_and(|u| day(u) == day(d));
    let declared = match (declared, modified.as_ref()) {
        (Some(p), Some(m)) if day(&p) != day(m) && shows_only(m) && !labelled_update(m) => Some(m.clone()),
        (p, _) => p,
    };
    // A dateline under the headline older than the declared date is the
    // original publication; the declared one was reset by a republish or a
    // CMS migration (an update stamp is never older). A day apart is only
    // the time zone.
    let declared = match (declared, s.dateline_after_title.as_ref()) {
        (Some(p), Some(shown)) if dates::days_apart(&day(shown), &day(&p)).is_some_and(|n| n > 1) => Some(shown.clone()),
        (p, _) => p,
    };
    let published = declared
        .or_else(|| s.time_datetime.as_deref().and_then(dates::normalize))
        .or_else(|| s.posted_visible.clone())
        .or_else(|| s.date_text.clone())
        .or_else(|| s.date_near_title.clone())
        .or_else(|| s.updated_visible.clone())
        .or(modified);
    // A permalink's `/2025/12/18/` is the day the site published the post
    // in its own time zone; a declared UTC timestamp can fall a day off it.
    let published = match (published, base.and_then(|b| dates::in_url_path(b.path()))) {
        (Some(p), Some(u)) if dates::days_apart(&day(&p), &u).is_some_and(|n| n.abs() == 1) => Some(u),
        (p, u) => p.or(u),
    };

    let language = s
        .html_lang
        .clone()
        .or_else(|| meta(&["content-language", "dc.language", "language"]))
        .or_else(|| s.ld.language.clone())
        .or_else(|| meta(&["og:locale"]))
        .and_then(|l| normalize_language(&l));

    // Readability's order again: Dublin Core, OpenGraph, then the plain tag.
    let description = meta(&["dc:description", "dcterm:description", "dc.description", "og:description", "description", "twitter:description"]).or_else(|| s.ld.description.clone());

    let canonical_url = s
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .and_then(|c| super::render::resolve(base, &c));

    Metadata { title, byline, published, language, site_name, description, canonical_url }
}

fn gather(dom: &Dom, drop: &[Drop], region: usize, base: Option<&Url>) -> Sources {
    let mut s = Sources::default();
    // `i` indexes the page and its per-node tables alike.
    #[allow(clippy::needless_range_loop)]
    for i in 0..dom.len() {
        let Some(e) = dom.element(i) else { continue };
        match e.name() {
            "html" if s.html_lang.is_none() => s.html_lang = e.attr("lang").or_else(|| e.attr("xml:lang")).map(str::to_string),
            "meta" => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    for k in key.split_ascii_whitespace() {
                        s.meta.entry(k.to_ascii_lowercase()).or_insert_with(|| content.to_string());
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
                let t = dom.collapsed_text(i);
                if !t.is_empty() {
                    s.h1_count += 1;
                    s.h1.get_or_insert(t);
                }
            }
            "h1" if s.h1_in_hero.is_none() && drop[i] == Drop::Boilerplate && in_hero_header(dom, i) => {
                let t = dom.collapsed_text(i);
                if !t.is_empty() {
                    s.h1_in_hero = Some(t);
                }
            }
            "abbr" if s.time_datetime.is_none() && drop[i] == Drop::Keep && e.attr("class").is_some_and(|c| c.contains("published")) => {
                s.time_datetime = e.attr("title").map(str::to_string);
            }
            "time" if drop[i] == Drop::Keep => {
                let attr = e.attr("datetime").and_then(dates::normalize);
                let text = || dates::normalize(&dom.collapsed_text(i));
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
                }
                if s.time_datetime.is_none() {
                    s.time_datetime = shown;
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
            _ => {}
        }
        if drop[i] != Drop::Junk && names_a_date(e) {
            let t = dom.collapsed_text(i);
            if let Some(d) = short_date(&t) {
                s.shown_days.push(day(&d));
                s.date_text.get_or_insert(d);
            }
        }
        if s.byline_text.is_none() && drop[i] != Drop::Junk && looks_like_byline(e) {
            // The first text of the element: later ones are job titles.
            let first = (i..dom.nodes[i].end).filter_map(|j| dom.text(j)).map(str::trim).find(|t| !t.is_empty()).unwrap_or("");
            let first = if BY_LABELS.contains(&first.to_lowercase().as_str()) { dom.collapsed_text(i) } else { first.to_string() };
            let t = clean_author(&first);
            if looks_like_name(&t) {
                s.byline_text = Some(t);
            }
        }
    }
    if s.h1.is_none() {
        s.h1 = s.h1_in_hero.take();
        s.h1_count = usize::from(s.h1.is_some());
    }
    let texts = visible_texts(dom, drop);
    s.title_is_site_wide = s.h1.is_some() && s.title_tag.as_deref().zip(base).is_some_and(|(t, b)| site_wide_title(t, b, &texts));
    s.by_label = name_after_by_label(&texts);
    s.updated_visible = visible_updated_date(&texts);
    s.posted_visible = visible_posted_date(&texts);
    // A date line just after the headline, else just before it (a
    // kicker or dateline above the title); without an <h1>, from the
    // start of the article, else of the content region (table-layout
    // news sites and forums mark up neither).
    let anchor = dom.find("h1").or_else(|| dom.find("article")).or_else(|| dom.find("main")).unwrap_or(region);
    let date_line = |j: usize| {
        Some(j)
            .filter(|&j| drop[j] != Drop::Junk)
            .and_then(|j| dom.text(j))
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    let after: Vec<String> = (anchor..dom.len()).filter_map(date_line).take(DATE_NEAR_TITLE_NODES).filter_map(short_date).collect();
    // The first dated text after the headline, when it is a dateline
    // the reader sees (not a sentence, a citation or a poster's "Joined").
    s.dateline_after_title = (anchor..dom.len())
        .filter(|&j| drop[j] == Drop::Keep)
        .filter_map(date_line)
        .take(DATE_NEAR_TITLE_NODES)
        .find(|t| short_date(t).is_some())
        .filter(|t| dates::is_dateline(t))
        .and_then(dates::normalize);
    let before: Vec<String> = (0..anchor).rev().filter_map(date_line).take(DATE_BEFORE_TITLE_NODES).filter_map(short_date).collect();
    s.date_near_title = after.first().or(before.first()).cloned();
    s.shown_days.extend(after.iter().chain(&before).map(|d| day(d)));
    s
}

/// The date in a short text (a date line, not prose that mentions one).
fn short_date(text: &str) -> Option<String> {
    (text.chars().count() <= MAX_DATE_TEXT_CHARS).then(|| dates::normalize(text)).flatten()
}

/// The calendar day of a normalised date.
fn day(date: &str) -> String {
    date.chars().take(10).collect()
}

/// Labels that introduce a last-update date.
const UPDATED_LABELS: &[&str] = &["updated", "last modified", "modified on", "last reviewed", "reviewed on"];
/// Text nodes after a date label ("Updated", "Posted on", a byline)
/// searched for its date.
const LABEL_LOOKAHEAD: usize = 3;

/// The non-empty text nodes a reader can see, trimmed, in document order.
fn visible_texts<'a>(dom: &Dom<'a>, drop: &[Drop]) -> Vec<&'a str> {
    (0..dom.len())
        .filter(|&i| drop[i] != Drop::Junk)
        .filter_map(|i| dom.text(i))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

fn visible_updated_date(texts: &[&str]) -> Option<String> {
    labelled_date(texts, |lower| UPDATED_LABELS.iter().any(|l| lower.contains(l)))
}

/// Labels that introduce a publication date.
const POSTED_LABELS: &[&str] = &["posted", "published", "written on", "date:"];

/// The date a "Posted on" label or a byline ("Written by" / name / date)
/// introduces.
fn visible_posted_date(texts: &[&str]) -> Option<String> {
    labelled_date(texts, |lower| POSTED_LABELS.iter().any(|l| lower.starts_with(l)) || lower.starts_with("by ") || BY_LABELS.contains(&lower))
}

/// The first date in the few texts from one that `is_label` accepts.
fn labelled_date(texts: &[&str], is_label: impl Fn(&str) -> bool) -> Option<String> {
    for (k, t) in texts.iter().enumerate() {
        if t.chars().count() > MAX_DATE_TEXT_CHARS {
            continue;
        }
        if !is_label(&t.to_lowercase()) {
            continue;
        }
        if let Some(d) = texts[k..(k + 1 + LABEL_LOOKAHEAD).min(texts.len())]
            .iter()
            .filter(|t| t.chars().count() <= MAX_DATE_TEXT_CHARS)
            .find_map(|t| dates::normalize(t))
        {
            return Some(d);
        }
    }
    None
}

fn names_a_date(e: &scraper::node::Element) -> bool {
    if e.attr("itemprop").is_some_and(|p| p == "datePublished") {
        return true;
    }
    let tokens: Vec<String> = class_and_id(e).map(str::to_ascii_lowercase).collect();
    // "updated", "date-modified": the update, not the publication.
    if tokens.iter().any(|t| t.contains("updated") || t.contains("modified")) {
        return false;
    }
    tokens.iter().any(|token| DATE_CLASS_WORDS.contains(&token.as_str()) || token.split(['-', '_']).any(|w| DATE_CLASS_WORDS.contains(&w) && w != "time"))
}

/// Whether an element sits in the site's logo or brand block (some
/// themes put the site name in an `<h1>` there).
/// An `<h1>` whose nearest landmark is a `<header>` that is not the site's
/// banner, and which links nowhere: the page's hero ("<header
/// class=article-hero><h1>7 Vital Tips…"). A site header's `<h1>` is a
/// link home ("<h1><a href=/>Filmmaker</a>"), and `<h1>`s in menus,
/// breadcrumbs and dialogs are not the page's.
fn in_hero_header(dom: &Dom, h1: usize) -> bool {
    if in_logo(dom, h1) || (h1..dom.nodes[h1].end).any(|j| dom.tag(j) == "a") {
        return false;
    }
    for at in dom.ancestors(h1) {
        let role = dom.attr(at, "role");
        if matches!(role, Some("banner" | "navigation" | "dialog")) {
            return false;
        }
        match dom.tag(at) {
            "header" => return true,
            "nav" | "aside" | "footer" | "dialog" | "ol" | "ul" => return false,
            _ => {}
        }
    }
    false
}

pub(crate) fn in_logo(dom: &Dom, i: usize) -> bool {
    dom.self_and_ancestors(i).take(4).any(|at| {
        let class = dom.attr(at, "class").unwrap_or("").to_ascii_lowercase();
        ["logo", "brand", "site-title", "site-name"].iter().any(|w| class.contains(w))
    })
}

fn in_svg(dom: &Dom, i: usize) -> bool {
    dom.self_and_ancestors(i).any(|at| dom.tag(at) == "svg")
}

/// Class words of author elements that hold more than the name.
const AUTHOR_CLASS_EXCLUDE: &[&str] = &["image", "img", "avatar", "photo", "bio", "description", "box", "wrapper", "wrap", "social", "info", "details", "container", "label", "title", "caption", "link", "url", "list", "more"];

fn looks_like_byline(e: &scraper::node::Element) -> bool {
    if e.attr("itemprop").is_some_and(|p| p == "author" || p == "creator") || e.attr("rel").is_some_and(|r| r == "author") {
        return true;
    }
    class_and_id(e).any(|t| {
        let t = t.to_ascii_lowercase();
        (t.contains("author") || t.contains("byline")) && !AUTHOR_CLASS_EXCLUDE.iter().any(|x| t.contains(x))
    })
}

/// Words that label a byline but are never a name (forum post headers
/// too: "Post time", "Topic Author", "via").
const NOT_NAMES: &[&str] = &[
    "by", "author", "authors", "the author", "role", "abstract", "written by", "posted by", "share", "follow", "about the author", "contributor",
    "editor", "staff", "post", "posted", "post time", "topic author", "original poster", "via", "text by", "photo by", "photos by", "article by",
    "words by", "reply", "quote",
];

/// A person or organisation name: short, has letters, not a sentence.
fn looks_like_name(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let chars = t.chars().count();
    // Initials alone ("NB", "J") are an avatar, not a name.
    let initials = words == 1 && chars <= 2;
    !t.is_empty()
        && !initials
        && !NOT_NAMES.contains(&t.to_lowercase().trim_end_matches(':'))
        && chars <= MAX_BYLINE_CHARS
        && (1..=8).contains(&words)
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with('.')
        && t.chars().filter(|c| c.is_ascii_digit()).count() < 3
}

/// Labels that precede the author's name in a byline.
const BY_LABELS: &[&str] = &["by", "by:", "written by", "written by:", "author", "author:", "authors:", "posted by", "words by"];

/// The name right after a "By" label, or in a short "By Jane Doe" text.
fn name_after_by_label(texts: &[&str]) -> Option<String> {
    for (k, t) in texts.iter().enumerate() {
        let lower = t.to_lowercase();
        if BY_LABELS.contains(&lower.as_str()) {
            if let Some(next) = texts.get(k + 1).map(|n| clean_author(n)).filter(|n| looks_like_name(n)) {
                return Some(next);
            }
        } else if (lower.starts_with("by ") || lower.starts_with("written by ")) && t.chars().count() <= MAX_BYLINE_CHARS {
            let name = clean_author(t);
            if looks_like_name(&name) && name.chars().next().is_some_and(char::is_uppercase) {
                return Some(name);
            }
        }
    }
    None
}

/// Twitter's "Written by" card: `twitter:label1` / `twitter:data1`.
fn written_by_card(meta: &HashMap<String, String>) -> Option<String> {
    (1..=4).find_map(|n| {
        let label = meta.get(&format!("twitter:label{n}"))?;
        label.to_lowercase().contains("written by").then(|| meta.get(&format!("twitter:data{n}")).cloned()).flatten()
    })
}

/// Parse one JSON-LD block (tolerating HTML comments and CDATA wrappers)
/// and fill fields not yet known.
fn linked_data(raw: &str, ld: &mut LinkedData) {
    let text = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    let text = text.trim_start_matches("//").trim_start_matches("<![CDATA[").trim();
    let text = text.trim_end_matches("]]>").trim_end_matches("//").trim();
    // Hand-written JSON-LD often has raw line breaks and tabs inside its
    // strings, which JSON forbids; read them as spaces rather than lose the block.
    let parsed = serde_json::from_str::<Value>(text).or_else(|_| {
        let repaired: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str::<Value>(&repaired)
    });
    let Ok(value) = parsed else { return };
    let mut objects = Vec::new();
    collect_objects(&value, &mut objects, 0);
    // Most article-like first, so its fields win.
    objects.sort_by_key(|o| std::cmp::Reverse(type_rank(o)));
    for o in objects {
        let rank = type_rank(o);
        if rank == 0 {
            continue;
        }
        if rank >= 2 {
            if ld.headline.is_none() {
                ld.headline = str_field(o, "headline").or_else(|| str_field(o, "name"));
            }
            if ld.author.is_none() {
                ld.author = o.get("author").or_else(|| o.get("creator")).and_then(person_names);
            }
            if ld.published.is_none() {
                ld.published = str_field(o, "datePublished").or_else(|| str_field(o, "dateCreated")).or_else(|| str_field(o, "uploadDate"));
            }
            if ld.modified.is_none() {
                ld.modified = str_field(o, "dateModified");
            }
            if ld.publisher.is_none() {
                ld.publisher = o.get("publisher").and_then(person_names);
            }
            if ld.description.is_none() {
                ld.description = str_field(o, "description");
            }
        }
        if ld.language.is_none() {
            ld.language = str_field(o, "inLanguage");
        }
        if rank == 1 && ld.site_name.is_none() && has_type(o, &["WebSite"]) {
            ld.site_name = str_field(o, "name");
        }
        if ld.published.is_none() {
            ld.published = str_field(o, "datePublished");
        }
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Recipe", "HowTo", "Review",
    "VideoObject", "Product", "Event", "Course", "QAPage", "Question",
];

fn type_rank(o: &serde_json::Map<String, Value>) -> u8 {
    if has_type(o, ARTICLE_TYPES) {
        3
    } else if has_type(o, &["WebPage", "ItemPage", "AboutPage", "CollectionPage", "FAQPage", "ProfilePage", "ContactPage"]) {
        2
    } else if o.contains_key("@type") {
        1
    } else {
        0
    }
}

fn has_type(o: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => types.iter().any(|x| x == t),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

fn collect_objects<'v>(v: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>, depth: u8) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn str_field(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) => Some(collapse(&html_unescape(s))).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|v| v.as_str()).map(collapse).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// `"Jane"`, `{"name": "Jane"}` or a list of either, joined with ", ".
fn person_names(v: &Value) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = collapse(s);
        if !s.is_empty() && !s.starts_with("http") && !names.contains(&s) {
            names.push(s);
        }
    };
    match v {
        Value::String(s) => push(s),
        Value::Object(o) => {
            if let Some(Value::String(n)) = o.get("name") {
                push(n)
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => push(s),
                    Value::Object(o) => {
                        if let Some(Value::String(n)) = o.get("name") {
                            push(n)
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    join_names(&names)
}

/// Names joined as a byline reads: "A", "A and B", "A, B, and C".
fn join_names(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [a, b] => Some(format!("{a} and {b}")),
        [rest @ .., last] => Some(format!("{}, and {last}", rest.join(", "))),
    }
}

/// Named entities still escaped in declared values (`content="Tom &amp;amp;
/// Jerry"`, or JSON-LD written with HTML escapes).
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"), ("quot", "\""), ("apos", "'"), ("lt", "<"), ("gt", ">"), ("nbsp", " "), ("hellip", "…"),
    ("mdash", "—"), ("ndash", "–"), ("lsquo", "‘"), ("rsquo", "’"), ("ldquo", "“"), ("rdquo", "”"),
    ("copy", "©"), ("reg", "®"), ("trade", "™"),
];

/// Longest reference name looked for ("#x10FFFF", "hellip").
const MAX_REFERENCE_LEN: usize = 10;

/// Decode HTML character references left in a declared value: the named
/// ones above and numeric ones (`&#39;`, `&#x1F62D;`; an impossible code
/// point becomes U+FFFD, as in HTML). Anything else stays as written.
fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // References are short: look for the ';' only a few bytes ahead, so
        // a value of a million '&'s stays linear.
        let reference = rest.as_bytes()[1..].iter().take(MAX_REFERENCE_LEN + 1).position(|&b| b == b';').map(|n| &rest[1..1 + n]);
        let decoded = reference.and_then(|name| {
            if let Some(number) = name.strip_prefix('#') {
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).unwrap_or(u32::MAX),
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse().unwrap_or(u32::MAX),
                    _ => return None,
                };
                Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}').to_string())
            } else {
                NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            }
        });
        match (reference, decoded) {
            (Some(name), Some(text)) => {
                out.push_str(&text);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An `<h1>` with at least this many words reads as a headline, not a logo.
const HEADLINE_MIN_WORDS: usize = 3;

/// Pick the title: the `<h1>` when the page's own `<title>`/og:title
/// confirm it, or when the page declares itself an article and has one
/// `<h1>` that reads as a headline (there the visible headline beat a
/// differing `<title>` 128 to 41 on the dev pages; elsewhere the `<h1>` is
/// often a slogan and it was a coin toss); else the title without its
/// " | Site" part.
fn choose_title(title_tag: Option<&str>, og: Option<&str>, ld_headline: Option<&str>, h1: Option<&str>, h1_count: usize, article: bool, site: Option<&str>) -> Option<String> {
    // A shortened og:title ("What do you think will be the trend in the…",
    // as XenForo writes it) gives way to the full `<title>` it cuts.
    let og = og.filter(|o| {
        let stem = o.trim_end().trim_end_matches("...").trim_end_matches('…');
        stem.len() == o.trim_end().len() || !title_tag.is_some_and(|t| fold(t).starts_with(&fold(stem)))
    });
    // An `<h1>` that is the title's site part ("Cory Dransfeldt" in "A
    // brief intro to git • Cory Dransfeldt") or the site name is the
    // blog's logo, not the headline.
    let site_part = |h: &str| {
        let parts: Vec<&str> = title_tag.map(|t| title_parts(t).collect()).unwrap_or_default();
        (parts.len() > 1 && parts.last().is_some_and(|last| fold(last) == h)) || site.is_some_and(|s| fold(s) == h)
    };
    let confirmed = |h: &str| {
        let h = fold(h);
        !h.is_empty()
            && !site_part(&h)
            && [title_tag, og, ld_headline].iter().flatten().any(|t| {
                let t = fold(t);
                t.contains(&h) || h.contains(&t)
            })
    };
    if let Some(h) = h1 {
        let headline = h1_count == 1 && h.split_whitespace().count() >= HEADLINE_MIN_WORDS && article;
        if confirmed(h) || headline {
            return Some(h.to_string());
        }
    }
    og.map(|t| strip_site_name(t, site))
        .or_else(|| title_tag.map(|t| strip_site_name(t, site)))
        .or_else(|| ld_headline.map(str::to_string))
        .or_else(|| h1.map(str::to_string))
        .filter(|t| !t.is_empty())
}

/// True when a page below the site's root has a title that starts with
/// one of its host's labels ("reddit" in www.reddit.com, not the final
/// "com") and whose other parts the page shows nowhere: the site's own
/// title, served on every page as single-page apps do ("Reddit - The heart
/// of the internet" on a thread). Titles ending with the site ("Post |
/// Reddit") are the usual order and are not asked.
fn site_wide_title(title: &str, base: &Url, texts: &[&str]) -> bool {
    let below_root = !base.path().trim_matches('/').is_empty();
    let first = title_parts(title).next().map(fold).unwrap_or_default();
    let host = base.host_str().unwrap_or("");
    if !below_root || first.is_empty() || !host.split('.').rev().skip(1).any(|label| label == first) {
        return false;
    }
    let rest: Vec<String> = title_parts(title).skip(1).map(str::to_lowercase).collect();
    !texts.iter().map(|t| t.to_lowercase()).any(|t| rest.iter().any(|part| t.contains(part.as_str())))
}

/// The trimmed, non-empty parts of a title split at every separator.
fn title_parts(title: &str) -> impl Iterator<Item = &str> {
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// "Page title | Site name" → "Page title". A part naming the site (as
/// og:site_name has it) goes; otherwise the first part stays unless
/// another is more than twice as long ("Acme | Cloud hosting for teams").
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let mut parts: Vec<&str> = title_parts(title).collect();
    if let Some(site) = site.map(fold).filter(|s| !s.is_empty()) {
        if parts.len() > 1 && parts.iter().any(|p| fold(p) == site) {
            parts.retain(|p| fold(p) != site);
            return parts.first().map_or(title, |p| p).to_string();
        }
    }
    let Some(&first) = parts.first() else { return title.trim().to_string() };
    let longest = parts.iter().copied().max_by_key(|p| p.chars().count()).unwrap_or(first);
    let pick = if first.chars().count() * 2 < longest.chars().count() { longest } else { first };
    pick.to_string()
}

fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// "By Jane Doe" → "Jane Doe".
fn clean_author(raw: &str) -> String {
    let mut s = collapse(raw);
    // Labels, case-insensitively, with or without a colon.
    for label in ["written by", "posted by", "reviewed by", "authored by", "author", "autor", "by", "von", "par", "por"] {
        if s.is_char_boundary(label.len()) && s[..label.len()].eq_ignore_ascii_case(label) {
            let rest = &s[label.len()..];
            if rest.starts_with(':') || rest.starts_with(' ') {
                s = rest.trim_start_matches(':').trim().to_string();
                break;
            }
        }
    }
    let s = s.trim_start_matches(|c: char| c == ':' || c == '-' || c == '|' || c.is_whitespace());
    html_unescape(s).trim().trim_end_matches(',').to_string()
}

/// `en_US` → `en-US`; anything that is not a language tag → None.
fn normalize_language(raw: &str) -> Option<String> {
    let tag = raw.split(',').next()?.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let rest: Vec<String> = parts
        .filter(|p| !p.is_empty())
        .map(|p| if p.len() == 2 { p.to_ascii_uppercase() } else { p.to_string() })
        .collect();
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
        let m = meta_of(r#"<html lang="en_gb"><head><title>Big News | The Paper</title>
            <meta property="og:site_name" content="The Paper">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Paper"},
            {"@type":"NewsArticle","headline":"Big News","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
            "datePublished":"2021-04-05T08:00:00Z"}]}</script><link rel="canonical" href="/a/b?x=1#top"></head>
            <body><h1>Big News</h1><p>Text</p></body></html>"#);
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
        let m = meta_of(r#"<html><head><meta property="article:published_time" content="2015-12-11">
            <script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle","headline":"Big News","datePublished":"2015-10-15"} ]]></script>
            </head><body><p>Text</p></body></html>"#);
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
        assert_eq!(meta_of(&page("As of July 31, 2024, we had:")).published.as_deref(), Some("2025-06-24T10:00:00Z"));
        assert_eq!(super::dates::days_apart("2024-12-31", "2025-03-01"), Some(60));
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
        let byline = format!("<body><h1>How apps are made</h1><ul>{contents}</ul><p>Written by</p><p><a href='/a'>Moses Kim</a></p><p>April 8, 2024</p>{prose}</body>");
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
    fn an_element_classed_as_the_update_does_not_date_the_publication() {
        // Far below the headline, as a sidebar's "Updated" stamp is.
        let body = "<p>Text</p>".repeat(150);
        let page = format!(r#"<html><head><meta property="article:published_time" content="2025-06-01T08:42:15-04:00">
            <meta property="article:modified_time" content="2025-10-30T10:45:07-04:00"></head>
            <body><h1>Data tools</h1>{body}<span class="date updated">2025-10-30</span></body></html>"#);
        assert_eq!(meta_of(&page).published.as_deref(), Some("2025-06-01T08:42:15-04:00"));
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
    fn post_header_labels_and_initials_are_not_names() {
        for label in ["Post time", "Topic Author", "via", "Text by", "NB", "J"] {
            assert!(!looks_like_name(label), "{label}");
        }
        for name in ["galitsyn", "Nicole Burke", "Ann-Marie O'Neil", "Jo Li"] {
            assert!(looks_like_name(name), "{name}");
        }
        // The rule's cost: a two-letter name standing alone reads as initials.
        assert!(!looks_like_name("Jo"));
    }

    #[test]
    fn a_shortened_og_title_gives_way_to_the_full_title() {
        let page = r#"<html><head><title>What will the watch market do in 2024? | Watch Forums</title>
            <meta property="og:title" content="What will the watch market do..."></head><body><p>Text</p></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("What will the watch market do in 2024?"));
    }

    #[test]
    fn headline_or_page_title() {
        let article = r#"<html><head><title>Ferns in winter | Garden Notes</title><meta property="og:type" content="article"></head>
            <body><h1>Why ferns outlast the winter</h1><p>Text</p></body></html>"#;
        assert_eq!(meta_of(article).title.as_deref(), Some("Why ferns outlast the winter"));
        // On a landing page the same lone <h1> is a slogan: the title names the page.
        let landing = article.replace("article", "website").replace("Why ferns outlast the winter", "Build what comes next");
        assert_eq!(meta_of(&landing).title.as_deref(), Some("Ferns in winter"));
        assert_eq!(strip_site_name("Acme | Cloud hosting for growing teams", None), "Cloud hosting for growing teams");
    }

    #[test]
    fn meta_and_visible_fallbacks() {
        let m = meta_of(r#"<html><head><title>How to bake bread - Kitchen Blog</title>
            <meta name="description" content="A guide."></head>
            <body><div class="logo"><h1>Kitchen Blog Home</h1></div><span class="byline">By Ann Smith</span>
            <time datetime="2019-02-03">Feb 3</time><p>Text</p></body></html>"#);
        assert_eq!(m.title.as_deref(), Some("How to bake bread"));
        assert_eq!(m.byline.as_deref(), Some("Ann Smith"));
        assert_eq!(m.published.as_deref(), Some("2019-02-03"));
        assert_eq!(m.description.as_deref(), Some("A guide."));
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(strip_site_name("Sudo - ArchWiki", None), "Sudo");
        assert_eq!(strip_site_name("No separators here", None), "No separators here");
        assert_eq!(strip_site_name("Ferns | The Garden Notes Magazine", Some("The Garden Notes Magazine")), "Ferns");
        assert_eq!(clean_author("By Jane Doe and John Roe"), "Jane Doe and John Roe");
        assert_eq!(clean_author("Maria &amp; Katerina"), "Maria & Katerina");
    }
}
