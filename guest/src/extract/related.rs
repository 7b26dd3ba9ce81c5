//! Sections that announce links to other pages ("Related posts", "Similar
//! items", "You may also like"): boilerplate whatever their class names.
//! `clean` drops such a section when a heading opens it, before the region
//! is chosen; `render` drops the ones left inside the chosen region.

use super::dom::Dom;

/// Lines that announce links to pages like this one, not more of it.
const RELATED_HEADINGS: &[&str] = &[
    "related", "related posts", "related articles", "related stories", "related content", "related reading", "related news", "you may also like",
    "you might also like", "you may like", "you might like", "recommended for you", "recommended reading", "more from", "read next", "up next", "keep reading",
    "similar posts", "similar articles", "customers also viewed", "customers also bought", "you may also be interested in", "similar items",
    "similar products", "related products", "related items", "explore related items", "people also viewed", "frequently bought together", "complete the look",
    "shop the look", "how about these", "pairs well with", "more from this brand",
];

/// Phrases that make any short line a related announcement ("People who
/// viewed this item also viewed").
const RELATED_PHRASES: &[&str] = &[
    "also viewed", "also bought", "also purchased", "also liked", "also searched", "more like this", "related items", "similar items", "related products",
    "similar products", "related questions", "similar questions", "related searches", "related to this item", "related sponsored", "recently viewed",
    "similar threads", "similar brands", "you may enjoy", "you might enjoy", "you may also enjoy", "you might also enjoy",
];

/// Lines that announce the site's other pages, or a widget beside the
/// page (a thread's top posters, a republishing form). Inside an article
/// they head a teaser list; on a home page or listing they head the
/// content itself, so only `render` drops them, never `clean`.
const SITE_HEADINGS: &[&str] = &[
    "popular posts", "popular stories", "most popular", "trending", "trending now", "trending stories", "more stories", "also in the news", "recent posts",
    "latest posts", "latest news", "don't miss", "editor's picks", "more to explore", "more articles", "most popular posts", "top posters in this topic",
    "latest insights", "featured insights", "republish this article",
];

/// An announcing line is at most this long.
const MAX_CHARS: usize = 60;

/// Whether a heading or short line announces links to other pages of the
/// site (related, popular, latest...).
pub fn is_announcement(line: &str) -> bool {
    normalized(line).is_some_and(|l| is_related(&l) || SITE_HEADINGS.contains(&l.as_str()))
}

/// Whether it announces pages *related to this one*, which is never the
/// page's own content.
pub fn is_related_announcement(line: &str) -> bool {
    normalized(line).is_some_and(|l| is_related(&l))
}

fn is_related(line: &str) -> bool {
    RELATED_HEADINGS.contains(&line)
        || (line.split_whitespace().count() <= PHRASE_LINE_MAX_WORDS && RELATED_PHRASES.iter().any(|p| line.contains(p)))
        || (line.starts_with("more from ") && line.split_whitespace().count() <= MORE_FROM_MAX_WORDS)
        || names_related_kind(line)
}

/// "Related books", "Similar listings", "Related investing topics": a
/// short heading naming the kind of page it links to. A paper's "Related
/// work" is its own section, not links.
fn names_related_kind(line: &str) -> bool {
    let mut words = line.split_whitespace();
    matches!(words.next(), Some("related" | "similar")) && (1..=RELATED_KIND_MAX_WORDS).contains(&words.clone().count()) && !words.any(|w| w == "work")
}

/// Words after "related" in a heading naming a kind of page; a longer
/// line is a sentence ("Related to your search, these...").
const RELATED_KIND_MAX_WORDS: usize = 2;

/// "More from Bershka", "More from Eduard Kovacs": the site's, brand's or
/// author's other pages. Longer lines are sentences.
const MORE_FROM_MAX_WORDS: usize = 4;

/// A phrase announces only in a heading-like line; longer ones are
/// sentences ("Select attributes to find similar products").
const PHRASE_LINE_MAX_WORDS: usize = 7;

fn normalized(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() > MAX_CHARS {
        return None;
    }
    let line = line.to_lowercase().replace('’', "'");
    Some(line.trim_end_matches([':', '.', '!', '?', ' ']).to_string())
}

/// `<h2>`–`<h6>` elements that announce pages related to this one (an
/// `<h1>` titles the page itself).
pub fn announcing_headings<'s>(dom: &'s Dom) -> impl Iterator<Item = usize> + 's {
    (0..dom.len()).filter(move |&i| matches!(dom.tag(i), "h2" | "h3" | "h4" | "h5" | "h6") && is_related_announcement(&dom.collapsed_text(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements() {
        assert!(is_announcement("Related posts"));
        assert!(is_announcement(" You May Also Like: "));
        assert!(is_announcement("Don’t miss"));
        assert!(is_announcement("Latest insights"));
        assert!(is_announcement("Top Posters In This Topic"));
        assert!(!is_related_announcement("Republish this article"));
        assert!(!is_announcement("Related work on sparse attention"));
        assert!(!is_announcement("Similar"));
        assert!(is_announcement("Latest news"));
        assert!(!is_related_announcement("Latest news"));
        assert!(is_related_announcement("People who viewed this item also viewed"));
        assert!(is_related_announcement("Related items to explore"));
        assert!(is_related_announcement("Explore related questions"));
        assert!(is_related_announcement("Products related to this item"));
        assert!(is_related_announcement("Related searches"));
        assert!(is_related_announcement("Recently viewed products"));
        assert!(is_related_announcement("How about these?"));
        assert!(is_related_announcement("Similar threads"));
        assert!(is_related_announcement("More from Eduard Kovacs"));
        assert!(!is_related_announcement("More from the ferns I planted last spring"));
        assert!(!is_related_announcement("Select one or more attributes to find similar products"));
        assert!(is_related_announcement("Other posts you may enjoy"));
        assert!(!is_related_announcement("Here are the benefits of freelancing that you might enjoy most"));
        // A heading naming the kind of page linked, but not a paper's section.
        assert!(is_related_announcement("Related books"));
        assert!(is_related_announcement("Related investing topics"));
        assert!(is_related_announcement("Similar listings:"));
        assert!(!is_related_announcement("Related Work"));
        assert!(!is_related_announcement("Related to the migration of the birds"));
    }
}
