//! JSON-LD: the fields we use, from the most article-like object of every
//! `application/ld+json` script (`@graph` and arrays included).

use serde_json::Value;

use super::entities::html_unescape;
use crate::extract::dom::collapse;

/// The fields we use from JSON-LD, from the most article-like object.
#[derive(Default, Debug)]
pub(super) struct LinkedData {
    pub(super) headline: Option<String>,
    pub(super) author: Option<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) description: Option<String>,
    pub(super) language: Option<String>,
    pub(super) site_name: Option<String>,
    /// Some object is an article or a post (see `POSTING_TYPES`).
    pub(super) posting: bool,
}

/// Parse one JSON-LD block (tolerating HTML comments and CDATA wrappers)
/// and fill fields not yet known.
pub(super) fn linked_data(raw: &str, ld: &mut LinkedData) {
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
    ld.posting |= objects.iter().any(|o| has_type(o, POSTING_TYPES));
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

/// Types of a page that is a written piece with a headline: not a
/// product, an event, a course or a page that merely has a publication date
/// (Yoast gives every WordPress page a WebPage with `datePublished`).
const POSTING_TYPES: &[&str] = &[
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Recipe", "HowTo", "Review",
];

/// Other types whose headline, author and dates describe the page, ranked
/// with the postings.
const OTHER_PAGE_SUBJECT_TYPES: &[&str] = &["VideoObject", "Product", "Event", "Course", "QAPage", "Question"];

fn type_rank(o: &serde_json::Map<String, Value>) -> u8 {
    if has_type(o, POSTING_TYPES) || has_type(o, OTHER_PAGE_SUBJECT_TYPES) {
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
