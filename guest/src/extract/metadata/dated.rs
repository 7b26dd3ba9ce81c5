//! Which day the page is dated by: the dates it declares (JSON-LD,
//! `<meta>`), the ones it shows (`<time>`, date-classed elements, date
//! lines around the headline) and the labels beside them ("Updated",
//! "Posted on") weighed against each other.

use url::Url;

use super::byline::BY_LABELS;
use super::Sources;
use crate::extract::dates::{self, NumericOrder};
use crate::extract::dom::{class_and_id, Dom};

/// `<meta>` keys that give the publication date, most specific first.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time", "datepublished", "publishdate", "pubdate", "publish-date", "publish_date", "published", "published-date", "date-pub",
    "article:published", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "og:published_time", "article.published", "published_time", "citation_publication_date", "citation_date", "citation_online_date",
    "ms.date", "cludo:date", "release_date", "created", "datecreated", "og:publish_date", "og:article:published_time", "cxenseparse:publishtime",
    "published_at", "publish_time", "published_date", "w-published-date", "cdc:first_published",
];
/// `<meta>` keys that give the last modification.
const MODIFIED_META_KEYS: &[&str] = &["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"];
/// Class/id words of elements that show a date.
const DATE_CLASS_WORDS: &[&str] = &["date", "time", "published", "posted", "dateline", "timestamp", "pubdate", "publish", "post-date", "entry-date"];
/// Text nodes after the `<h1>` searched for a visible date.
pub(super) const DATE_NEAR_TITLE_NODES: usize = 120;
/// Text nodes before the `<h1>` searched when none after it has a date.
pub(super) const DATE_BEFORE_TITLE_NODES: usize = 15;
/// A text longer than this is prose, not a date line.
pub(super) const MAX_DATE_TEXT_CHARS: usize = 80;

/// The day the page was published: declared dates first, then visible
/// ones; the modification date only when nothing says when it was
/// published.
pub(super) fn publication_date(s: &Sources, meta: &dyn Fn(&[&str]) -> Option<String>, base: Option<&Url>) -> Option<String> {
    let normalize = |raw: &str| dates::normalize_as(raw, s.numeric_order);
    let declared = s.ld.published.as_deref().and_then(normalize).or_else(|| meta(PUBLISHED_META_KEYS).as_deref().and_then(normalize));
    let modified = s.ld.modified.as_deref().and_then(normalize).or_else(|| meta(MODIFIED_META_KEYS).as_deref().and_then(normalize));
    // The day every date the page shows agrees on, if they agree.
    let only_shown = s.shown_days.first().filter(|d| s.shown_days.iter().all(|x| x == *d)).cloned();
    // Pages that show only their last update, unlabelled, mean it as the
    // date to cite. One that says "Updated Dec 4" tells it apart from the
    // publication, which the declared date then gives.
    let shows_only = |d: &String| only_shown.as_ref().is_some_and(|shown| *shown == day(d));
    let labelled_update = |d: &String| s.updated_visible.as_ref().is_some_and(|u| day(u) == day(d)) || s.updated_classed_days.contains(&day(d));
    let declared = match (declared, modified.as_ref()) {
        (Some(p), Some(m)) if day(&p) != day(m) && shows_only(m) && !labelled_update(m) => Some(m.clone()),
        (p, _) => p,
    };
    // A dateline under the headline, or the one day the page shows at all,
    // older than the declared date is the original publication; the
    // declared one was reset by a republish or a CMS migration (an update
    // stamp is never older). A day apart is the time zone of a declared
    // timestamp, if some zone puts it on the reader's day (22:02 UTC on
    // the 19th is the 18th nowhere); a declared day without a time, a day
    // off what the reader sees, was cut from a UTC timestamp, and the
    // reader's day stands.
    let shown_wins = |shown: &String, declared: &String| match dates::days_apart(&day(shown), &day(declared)) {
        Some(n) if n > 1 => true,
        Some(n) if n.abs() == 1 => declared.len() == day(declared).len() || dates::days_reachable(declared).is_some_and(|days| !days.contains(&-n)),
        _ => false,
    };
    let shown_instead =
        [s.dateline_after_title.clone(), only_shown.clone()].into_iter().flatten().find(|shown| declared.as_ref().is_some_and(|p| shown_wins(shown, p)));
    let declared = shown_instead.or(declared);
    let published = declared
        .or_else(|| s.time_datetime.as_deref().and_then(normalize))
        .or_else(|| s.posted_visible.clone())
        .or_else(|| s.date_text.clone())
        .or_else(|| s.date_near_title.clone())
        .or_else(|| s.updated_visible.clone())
        .or(modified);
    // A permalink's `/2025/12/18/` is the day the site published the post
    // in its own time zone; a declared UTC timestamp can fall a day off it.
    // So is a numeric date read the wrong way round ("03/10/2023" under
    // `/2023/october/03/`): the path says which number is the month.
    match (published, base.and_then(|b| dates::in_url_path(b.path()))) {
        (Some(p), Some(u)) if dates::days_apart(&day(&p), &u).is_some_and(|n| n.abs() == 1) || swapped(&day(&p)) == u => Some(u),
        (p, u) => p.or(u),
    }
}

/// The date in a short text (a date line, not prose that mentions one).
pub(super) fn short_date(text: &str, order: NumericOrder) -> Option<String> {
    (text.chars().count() <= MAX_DATE_TEXT_CHARS).then(|| dates::normalize_as(text, order)).flatten()
}

/// The calendar day of a normalised date.
pub(super) fn day(date: &str) -> String {
    date.chars().take(10).collect()
}

/// `YYYY-MM-DD` with month and day exchanged (whether or not that is a date).
fn swapped(day: &str) -> String {
    match (day.get(..4), day.get(5..7), day.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{d}-{m}"),
        _ => String::new(),
    }
}

/// Labels that introduce a last-update date.
const UPDATED_LABELS: &[&str] = &["updated", "last modified", "modified on", "last reviewed", "reviewed on"];
/// Text nodes after a date label ("Updated", "Posted on", a byline)
/// searched for its date.
const LABEL_LOOKAHEAD: usize = 3;

pub(super) fn visible_updated_date(texts: &[&str], order: NumericOrder) -> Option<String> {
    labelled_date(texts, order, |lower| UPDATED_LABELS.iter().any(|l| lower.contains(l)))
}

/// Labels that introduce a publication date.
const POSTED_LABELS: &[&str] = &["posted", "published", "written on", "date:"];

/// The date a "Posted on" label or a byline ("Written by" / name / date)
/// introduces.
pub(super) fn visible_posted_date(texts: &[&str], order: NumericOrder) -> Option<String> {
    labelled_date(texts, order, |lower| POSTED_LABELS.iter().any(|l| lower.starts_with(l)) || lower.starts_with("by ") || BY_LABELS.contains(&lower))
}

/// The first date in the few texts from one that `is_label` accepts.
fn labelled_date(texts: &[&str], order: NumericOrder, is_label: impl Fn(&str) -> bool) -> Option<String> {
    for (k, t) in texts.iter().enumerate() {
        if t.chars().count() > MAX_DATE_TEXT_CHARS {
            continue;
        }
        if !is_label(&t.to_lowercase()) {
            continue;
        }
        if let Some(d) = texts[k..(k + 1 + LABEL_LOOKAHEAD).min(texts.len())].iter().find_map(|t| short_date(t, order)) {
            return Some(d);
        }
    }
    None
}

/// Class words that mark an element as the last update.
fn names_an_update(e: &scraper::node::Element) -> bool {
    class_and_id(e).any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("updated") || t.contains("modified")
    })
}

/// Whether a `<time>` sits in a wrapper (its parent or grandparent)
/// classed as the update ("updated-on"). WordPress themes class one
/// `<time>` "published updated" when the post was never updated, so the
/// element's own classes say nothing.
pub(super) fn in_update_wrapper(dom: &Dom, time: usize) -> bool {
    dom.ancestors(time).take(2).filter_map(|a| dom.element(a)).any(names_an_update)
}

pub(super) fn names_a_date(e: &scraper::node::Element) -> bool {
    if e.attr("itemprop").is_some_and(|p| p == "datePublished") {
        return true;
    }
    // "updated", "date-modified": the update, not the publication.
    if names_an_update(e) {
        return false;
    }
    let tokens: Vec<String> = class_and_id(e).map(str::to_ascii_lowercase).collect();
    tokens.iter().any(|token| DATE_CLASS_WORDS.contains(&token.as_str()) || token.split(['-', '_']).any(|w| DATE_CLASS_WORDS.contains(&w) && w != "time"))
}
