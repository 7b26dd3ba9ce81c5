//! Who wrote the page: byline elements, "By" labels, and the clean-up
//! that turns "By Jane Doe," into "Jane Doe".

use std::collections::HashMap;

use super::entities::html_unescape;
use crate::extract::content::is_block_tag;
use crate::extract::dates;
use crate::extract::dom::{class_and_id, collapse, Dom};

/// A visible byline longer than this is a sentence, not a name.
pub(super) const MAX_BYLINE_CHARS: usize = 80;

/// Class words of author elements that hold more than the name, the
/// reader's own account ("username-sign-in") or the comment form's name
/// field ("comment-form-author"), and words that only contain "author"
/// ("authorized-dealer", "authorization").
const AUTHOR_CLASS_EXCLUDE: &[&str] = &[
    "image", "img", "avatar", "photo", "bio", "description", "box", "wrapper", "wrap", "social", "info", "details", "container", "label", "title", "caption",
    "link", "url", "list", "more", "sign", "login", "account", "form", "authoriz", "authorit",
];

/// An element holding the author's name: `itemprop=author`, `rel=author`,
/// or a class naming the author, the byline or a forum poster's username
/// (XenForo and phpBB `username`, vBulletin `bigusername`).
pub(super) fn looks_like_byline(e: &scraper::node::Element) -> bool {
    if e.attr("itemprop").is_some_and(|p| p == "author" || p == "creator") || e.attr("rel").is_some_and(|r| r == "author") {
        return true;
    }
    // Containers are never the byline: WordPress classes the whole
    // `<body>` "single-author", Squarespace an `<article>` by its author's
    // slug ("author-jennifer-charles").
    if matches!(e.name(), "html" | "body" | "main" | "article" | "section") {
        return false;
    }
    class_and_id(e).any(|t| {
        let t = t.to_ascii_lowercase();
        (t.contains("author") || t.contains("byline") || t.contains("username")) && !AUTHOR_CLASS_EXCLUDE.iter().any(|x| t.contains(x))
    })
}

/// Words that label a byline but are never a name (forum post headers
/// too: "Post time", "Topic Author", "via").
const NOT_NAMES: &[&str] = &[
    "by", "author", "authors", "the author", "role", "abstract", "written by", "posted by", "share", "follow", "about the author", "contributor", "editor",
    "staff", "post", "posted", "post time", "topic author", "original poster", "via", "text by", "photo by", "photos by", "article by", "words by", "reply",
    "quote", "username", "user name", "sign in", "log in", "name", "undefined", "null", "default", "follow the author", "get in touch", "home", "category",
    "collection", "shop", "full bio", "bio", "updated", "last updated", "published", "view more posts", "view all posts", "more posts", "all posts",
];

/// Words a name never ends with: a text ending with one is a cut sentence
/// ("This article was", "Government Websites by", "recipient of the").
const SENTENCE_TAIL_WORDS: &[&str] = &["the", "a", "an", "by", "in", "of", "was", "is", "are", "and", "or", "to", "for", "with", "from", "our", "your", "my"];

/// A person or organisation name: short, has letters, not a sentence.
pub(super) fn looks_like_name(t: &str) -> bool {
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
        && !t.ends_with(['.', ':'])
        && !t.split_whitespace().last().is_some_and(|w| SENTENCE_TAIL_WORDS.contains(&w))
        && t.chars().filter(|c| c.is_ascii_digit()).count() < 3
}

/// Minimum dots in a dotted key ("page.head.extra.author"); one dot may
/// be a username ("jane.doe").
const KEY_MIN_DOTS: usize = 2;

/// A declared author that is a machine's value, not a name: a numeric
/// profile id (`article:author` "262588213843476"), a template's
/// unfilled key ("page.head.extra.author", "{{ author }}") or a script's
/// unset value ("undefined", "null").
pub(super) fn is_machine_token(value: &str) -> bool {
    let v = value.trim();
    let numeric = !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit());
    let dotted_key = !v.contains(char::is_whitespace)
        && v.matches('.').count() >= KEY_MIN_DOTS
        && v.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_'));
    let unset = ["undefined", "null", "none", "n/a"].contains(&v.to_ascii_lowercase().as_str());
    numeric || dotted_key || unset || v.contains("{{") || v.contains("}}")
}

/// Labels that precede the author's name in a byline.
pub(super) const BY_LABELS: &[&str] =
    &["by", "by:", "written by", "written by:", "author", "author:", "authors:", "posted by", "words by", "article by", "text by", "story by"];

/// How a dated line that ends with "by" and the author's name starts
/// ("Last updated March 3, 2025 by <a>Erik Demaine</a>", "Written March 3
/// by"), besides `dates::DATE_STAMP_OPENINGS`.
const DATED_BY_OPENINGS: &[&str] = &["written"];

/// The name right after a "By" label, or in a short "By Jane Doe" text.
pub(super) fn name_after_by_label(texts: &[&str]) -> Option<String> {
    for (k, t) in texts.iter().enumerate() {
        let lower = t.to_lowercase();
        let dated_by = lower.ends_with(" by")
            && DATED_BY_OPENINGS.iter().chain(dates::DATE_STAMP_OPENINGS).any(|o| lower.starts_with(o))
            && t.chars().count() <= MAX_BYLINE_CHARS;
        if BY_LABELS.contains(&lower.as_str()) || dated_by {
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
pub(super) fn written_by_card(meta: &HashMap<String, String>) -> Option<String> {
    (1..=4).find_map(|n| {
        let label = meta.get(&format!("twitter:label{n}"))?;
        label.to_lowercase().contains("written by").then(|| meta.get(&format!("twitter:data{n}")).cloned()).flatten()
    })
}

/// How an author page's link names the author ("Articles by Juliette",
/// "Read the latest from Jane Doe"): the name follows.
const AUTHOR_PAGE_LEADS: &[&str] =
    &["articles by ", "more articles by ", "posts by ", "all posts by ", "view all posts by ", "more from ", "read more from ", "read the latest from "];

/// Where a byline goes on to name who checked the page ("Jane Doe, DVM.
/// Reviewed by John Roe"): the writer is before it.
const REVIEWER_LABELS: &[&str] = &["reviewed by ", "fact checked by ", "fact-checked by "];

/// Where the ASCII `needle` first occurs in `haystack`, ignoring ASCII case
/// (a char boundary: the needle starts with an ASCII byte).
fn find_ignoring_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `text` after an ASCII `prefix`, ignoring ASCII case.
fn strip_prefix_ignoring_ascii_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    (text.is_char_boundary(prefix.len()) && text[..prefix.len()].eq_ignore_ascii_case(prefix)).then(|| &text[prefix.len()..])
}

/// "By Jane Doe" → "Jane Doe".
pub(super) fn clean_author(raw: &str) -> String {
    let mut s = collapse(raw);
    if let Some(name) = AUTHOR_PAGE_LEADS.iter().find_map(|lead| strip_prefix_ignoring_ascii_case(&s, lead)) {
        s = name.to_string();
    }
    if let Some(at) = REVIEWER_LABELS.iter().filter_map(|label| find_ignoring_ascii_case(&s, label)).filter(|&at| at > 0).min() {
        s = s[..at].trim_end().trim_end_matches(['.', ',', ';', '|']).to_string();
    }
    // Labels, case-insensitively, with or without a colon.
    for label in ["written by", "posted by", "reviewed by", "authored by", "author", "autor", "by", "von", "par", "por"] {
        if let Some(rest) = strip_prefix_ignoring_ascii_case(&s, label) {
            if rest.starts_with(':') || rest.starts_with(' ') {
                s = rest.trim_start_matches(':').trim().to_string();
                break;
            }
        }
    }
    let s = s.trim_start_matches(|c: char| matches!(c, ':' | '-' | '|' | ',') || c.is_whitespace());
    let s = html_unescape(s);
    // Separators the byline row puts after the name ("Haley Hoekstra •").
    let s = s.trim().trim_end_matches(|c: char| matches!(c, ',' | '•' | '·' | '|' | '-' | '–' | '—') || c.is_whitespace());
    // A value quoted twice in JSON-LD ("\"David Kim\"").
    let s = s.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(s);
    s.trim().to_string()
}

/// Class words of the element after a byline's name that holds the
/// writer's job ("byline-author__title", "author-role").
const JOB_CLASS_WORDS: &[&str] = &["title", "role", "job", "position"];

/// The nodes of a byline element, in order: not a script's text, nor a
/// form field's label (a honeypot's "If you are a human, ignore this
/// field" in a "username" box).
fn byline_nodes<'d>(dom: &'d Dom, byline: usize) -> impl Iterator<Item = usize> + 'd {
    dom.shown_nodes(byline, |j| matches!(dom.tag(j), "noscript" | "label"))
}

/// The non-empty texts of a byline element (see `byline_nodes`), trimmed.
pub(super) fn byline_texts<'d>(dom: &'d Dom, byline: usize) -> impl Iterator<Item = (usize, &'d str)> + 'd {
    byline_nodes(dom, byline).filter_map(|j| dom.text(j).map(|t| (j, t.trim()))).filter(|(_, t)| !t.is_empty())
}

/// Path parts of a site's topic pages: a link to one in a byline is the
/// post's category ("<a href=/blog/tag/personal-finance>Personal
/// finance</a>"), not its writer.
const TOPIC_PATH_PARTS: &[&str] = &["/tag/", "/tags/", "/category/", "/categories/", "/topic/", "/topics/"];

/// Whether node `j` of the byline element `byline` sits in a link to a topic page.
pub(super) fn in_topic_link(dom: &Dom, j: usize, byline: usize) -> bool {
    dom.ancestors(j)
        .take_while(|&a| a >= byline)
        .any(|a| dom.tag(a) == "a" && dom.attr(a, "href").is_some_and(|href| TOPIC_PATH_PARTS.iter().any(|part| href.contains(part))))
}

fn is_by_label(text: &str) -> bool {
    BY_LABELS.contains(&text.to_lowercase().as_str())
}

/// Texts a byline may show before its "By" label: the article's kind
/// ("Guide", "Review"), a kicker.
const TEXTS_BEFORE_BY_LABEL: usize = 2;

/// Whether a byline element labels the name ("By", "Written by"), at its
/// start or after the article's kind ("<span>Guide</span> by <a>Will
/// Judd</a>"): the name is then what follows the label.
pub(super) fn labelled_byline(dom: &Dom, byline: usize) -> bool {
    byline_texts(dom, byline).take(TEXTS_BEFORE_BY_LABEL + 1).any(|(_, t)| is_by_label(t))
}

/// The name a byline element gives after its "By" label (see
/// `labelled_byline`; a kind before the label is not the name): the texts
/// that follow the label, up to a line break, a block (a tooltip card repeating the
/// name, the "Last updated" row) or the writer's job ("By <a>Keith
/// Barry</a><br><span class=byline-author__title>Senior Autos
/// Reporter</span>"). Names joined by text stay together ("By <a>Jane
/// Doe</a> and <a>John Roe</a>").
pub(super) fn name_after_label(dom: &Dom, byline: usize) -> String {
    let mut name = String::new();
    let mut past_label = false;
    // The block the name starts in: a text after it ends is something else
    // ("Our Research Team" in a <p>, then a "Get to know them!" link).
    let mut name_block = None;
    for j in byline_nodes(dom, byline) {
        if let Some(t) = dom.text(j).map(str::trim).filter(|t| !t.is_empty()) {
            if past_label {
                let block =
                    *name_block.get_or_insert_with(|| dom.ancestors(j).take_while(|&a| a != byline).find(|&a| is_block_tag(dom.tag(a))).unwrap_or(byline));
                if j >= dom.nodes[block].end {
                    break;
                }
                name.push(' ');
                name.push_str(t);
            }
            past_label = past_label || is_by_label(t);
            continue;
        }
        let ends_name = dom.tag(j) == "br"
            || is_block_tag(dom.tag(j))
            || dom.attr(j, "class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                JOB_CLASS_WORDS.iter().any(|w| c.contains(w))
            });
        if j != byline && !name.is_empty() && ends_name {
            break;
        }
    }
    collapse(&name)
}
