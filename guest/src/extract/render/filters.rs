//! Which rendered blocks are not content: calls to action, furniture
//! labels, forum counters, listing status lines, page notices, datelines,
//! bare media addresses, repeated blocks and the related-links sections a
//! heading announces. Applied to the blocks of the main region after the
//! walk, so text and Markdown lose the same lines.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::items::Item;
use super::{Block, BlockKind};
use crate::extract::{dates, related};

/// Blocks at least this long are dropped when they repeat verbatim
/// (responsive pages often carry the same text twice), unless each of
/// several like items carries its own copy (see `dedup`).
const DEDUP_MIN_CHARS: usize = 20;

/// The blocks a reader would call the content, in order. In a region
/// the caller `named`, a related-links section is what was asked for.
pub(super) fn content_blocks(blocks: Vec<Block>, named: bool) -> Vec<Block> {
    let mut blocks = dedup(blocks.into_iter().map(undouble).collect());
    blocks.retain(|b| {
        !is_call_to_action(b)
            && !is_dateline(b)
            && !is_furniture_label(b)
            && !is_page_notice(b)
            && !is_post_stat(b)
            && !is_listing_status(b)
            && !is_position_counter(b)
            && !is_image_credit(b)
            && !is_bare_media_url(b)
            && !is_reading_time(b)
            && !is_only_icons(b)
            && !is_unrendered_template(b)
    });
    if named {
        blocks
    } else {
        drop_related_sections(blocks)
    }
}

/// A paragraph, a list item or a heading: a line of running text, as the
/// label and status filters look at it (code, tables and rules are not).
fn is_line(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading(_))
}

/// File endings of images, video and audio.
const MEDIA_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "mp4", "webm", "mov", "mp3", "m4a"];

/// A line that is nothing but the address of an image or video file
/// (a custom field printed raw: "https://cdn…/tee_bone_thumb.jpg"): no
/// reader reads it; the media itself is in `images` when asked for.
fn is_bare_media_url(b: &Block) -> bool {
    let text = b.plain.trim();
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
        || text.contains(char::is_whitespace)
        || !(text.starts_with("https://") || text.starts_with("http://") || text.starts_with("//"))
    {
        return false;
    }
    let path = text.split(['?', '#']).next().unwrap_or(text);
    path.rsplit_once('.').is_some_and(|(_, ext)| MEDIA_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// A line of nothing but symbols from outside ASCII: an icon font's glyph
/// (private-use characters), an arrow or a cross left from a button, a
/// row of rating stars. It says nothing in text; ASCII punctuation ("...",
/// "---", "}") is left alone, as it may belong to what surrounds it, and
/// so is a currency sign: a price laid out as "49" and "€".
fn is_only_icons(b: &Block) -> bool {
    is_line(b)
        && b.plain.chars().any(|c| !c.is_whitespace())
        && b.plain.chars().all(|c| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric() && !is_currency(c)))
}

/// A currency sign: "$", "£", "¥", "€" and the rest of the currency block.
pub(super) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '\u{20a0}'..='\u{20cf}')
}

/// A line of nothing but client-side template placeholders
/// (`{{ DiscussionBoard.errors[7].message }}`, `{{priceWrapper.total}}`):
/// Vue, Angular or Handlebars replace them in the browser, so no reader
/// ever sees them. In code, inline or a block, such syntax is the content
/// (a template language's documentation) and stays.
fn is_unrendered_template(b: &Block) -> bool {
    if !is_line(b) || b.md.contains('`') {
        return false;
    }
    let mut rest = b.plain.trim();
    if rest.is_empty() {
        return false;
    }
    while let Some(inner) = rest.strip_prefix("{{") {
        let Some(end) = inner.find("}}") else { return false };
        rest = inner[end + 2..].trim_start();
    }
    rest.is_empty()
}

/// Short lines that ask the reader to do something other than read:
/// subscribe, share, sign in, comment. Matched on lowercase text.
const CALL_TO_ACTION_PHRASES: &[&str] = &[
    "subscribe", "sign up", "signup", "newsletter", "mailing list", "share this", "please share", "follow us", "leave a comment", "leave a reply", "log in to",
    "sign in to", "join our", "join medium", "share on", "rate this", "star rating", "your question by asking", "pin for later", "pin it for later",
    "view on amazon",
    // A form's status messages, hidden until it is sent (Webflow's `w-form-done` and `w-form-fail`).
    "your submission has been received", "something went wrong while submitting", "thank you for your feedback",
    // Screen-reader hints: Medium's on every image, Amazon's on folded text.
    "click to view image in full size", "double tap to read", "report an issue with this product",
];
/// Blocks up to this long are checked for a call to action; longer ones
/// are content that happens to mention subscribing.
const CALL_TO_ACTION_MAX_CHARS: usize = 160;

/// A skip link ("Skip to main content", "Skip to navigation") names its
/// target in a few words; a longer line is a sentence ("Skip to chunk 4
/// without chunk 2, and…").
const SKIP_LINK_MAX_WORDS: usize = 5;

fn is_call_to_action(b: &Block) -> bool {
    !matches!(b.kind, BlockKind::Code { .. } | BlockKind::Table { .. }) && b.plain.chars().count() <= CALL_TO_ACTION_MAX_CHARS && {
        let lower = b.plain.to_lowercase();
        CALL_TO_ACTION_PHRASES.iter().any(|p| contains_words(&lower, p))
            || (lower.trim_start().starts_with("skip to ") && lower.split_whitespace().count() <= SKIP_LINK_MAX_WORDS)
    }
}

/// Lines that only label page furniture or its controls: an ad slot, a
/// share bar, a tag list, a byline box, shop and teaser buttons. On their
/// own they are never content (on the dev pages "Compare" stood alone 92
/// times, never in a reference; "Read more" 56 to 3). "Like loading" is
/// WordPress's like button before its script runs, "Edited by" the label
/// of an editor credit, "Unit price per" Shopify's empty unit-price row,
/// "Start asking to get answers" Stack Exchange's prompt under a thread;
/// "Pin this for later!" and "Share it!" label share buttons, "Like this:"
/// WordPress's like button (a label only: "…looks like this:" introduces
/// an example).
const FURNITURE_LABELS: &[&str] = &[
    "advertisement", "advertisements", "sponsored", "share", "tags", "written by", "author", "in this article", "table of contents", "contents",
    "on this page", "jump to", "related topics", "about the author", "article continues below", "compare", "add to wishlist", "add to wish list",
    "add to cart", "add to bag", "add to basket", "in stock", "read more", "see all", "see more", "show more", "show less", "see less", "view all", "email",
    "print", "write a review", "buy now", "quick view", "quick shop", "contact us", "get started", "get a quote", "request a quote", "let's connect",
    "request a demo", "start free trial", "play video", "sort and filter", "sort by", "quote", "reply", "permalink", "reply with quote", "multi-quote",
    "add to compare", "clear rating", "like loading", "like loading…", "edited by", "shop now", "apply now", "close", "notify me", "view product",
    "find out more", "unit price per", "image", "image unavailable", "image not available", "expand description", "start asking to get answers", "register",
    "register now", "add a comment", "try for free", "try it free", "start for free", "book a demo", "schedule a demo", "speak to an expert",
    "talk to an expert", "home", "back to top", "sign in", "log in", "filters", "download", "ask an expert", "results list", "image not available for",
    "pin it", "pin it here", "pin this", "pin this for later", "pin for later", "save to pinterest", "share it", "share this", "share this article",
    "share this post", "share this page", "print this page", "print this article", "like this",
];

/// Badges on product cards ("New" and "Sale" are not here: references
/// keep them often enough).
const CARD_BADGES: &[&str] =
    &["top rated", "new arrival", "new arrivals", "best seller", "bestseller", "best-seller", "limited edition", "free shipping", "award winner"];

/// A poster's badges and status next to a post.
const POSTER_BADGES: &[&str] = &["offline", "online", "original poster", "op", "embed"];

/// Labels, counters and status lines are at most this long (bytes);
/// longer lines are sentences that happen to start the same way.
pub(super) const LABEL_LINE_MAX_LEN: usize = 40;

/// A line short enough to be a label, counter or status, lowercased: what
/// those filters compare.
fn short_line(b: &Block) -> Option<String> {
    let text = b.plain.trim();
    (is_line(b) && text.len() <= LABEL_LINE_MAX_LEN).then(|| text.to_lowercase())
}

fn is_furniture_label(b: &Block) -> bool {
    short_line(b).is_some_and(|line| {
        let label = line.trim_end_matches([':', '!', '.']).replace('’', "'");
        [FURNITURE_LABELS, CARD_BADGES, POSTER_BADGES].iter().any(|labels| labels.contains(&label.as_str()))
    })
}

/// Words after a count that make it a post's or poster's statistic
/// ("3 likes", "12 replies", "1,204 posts"), or a product card's ("0 reviews").
const POST_STAT_WORDS: &[&str] = &[
    "like", "likes", "reply", "replies", "post", "posts", "reaction", "reactions", "upvote", "upvotes", "point", "points", "review", "reviews", "answer",
    "answers", "vote", "votes", "view", "views", "comment", "comments",
];

/// Forum furniture around each post: its counters ("3 likes"), the
/// poster's record ("Posts: 120", "1,204 posts · Joined 2019"); a product
/// card's review count. Never part of what was said.
fn is_post_stat(b: &Block) -> bool {
    // A heading too: Stack Exchange heads its answers with their count ("11 Answers").
    let Some(lower) = short_line(b) else { return false };
    let count =
        |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.') && w.bytes().next().is_some_and(|c| c.is_ascii_digit());
    let words: Vec<&str> = lower.split_whitespace().collect();
    let counter = words.len() == 2 && count(words[0].trim_end_matches('k')) && POST_STAT_WORDS.contains(&words[1]);
    let record = lower.starts_with("posts:") && words.len() == 2 && count(words[1])
        || lower.contains(" posts · joined")
        || lower.starts_with("joined:")
        || lower.starts_with("joined ");
    counter || record
}

/// Reading-time estimates ("5 min read", "Reading time: 11 minutes"):
/// page furniture next to the byline or on every teaser. A bare duration
/// ("15 minutes") may be a recipe's or a course's, so the word "read" is
/// required.
fn is_reading_time(b: &Block) -> bool {
    let text = b.plain.trim();
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }) || text.len() > LABEL_LINE_MAX_LEN {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().map(|w| w.trim_end_matches(['.', ':'])).collect();
    let minutes = |w: &str| matches!(w, "min" | "mins" | "minute" | "minutes");
    let number = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [n, unit, "read" | "reading"] => number(n) && minutes(unit),
        ["reading" | "read", "time", n, unit] => number(n) && minutes(unit),
        _ => false,
    }
}

/// What a listing counts.
const LISTED_THINGS: &[&str] = &["products", "results", "items"];

/// A listing's controls and status rather than its items: result counts
/// ("Showing 1–24 of 120 products", "Products (36)"), sort pickers
/// ("Sort: Best Match"), "Loading..." placeholders.
fn is_listing_status(b: &Block) -> bool {
    let Some(lower) = short_line(b) else { return false };
    let count = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | '(' | ')'));
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.first().is_some_and(|w| matches!(*w, "showing" | "loaded")) {
        words.remove(0);
    }
    if words.last() == Some(&"found") {
        words.pop();
    }
    let counted = match words.as_slice() {
        [n, thing] => count(n) && LISTED_THINGS.contains(thing) || LISTED_THINGS.contains(n) && thing.starts_with('(') && count(thing),
        [n, "of", total, thing] => count(n) && count(total) && LISTED_THINGS.contains(thing),
        _ => false,
    };
    counted || is_loading_placeholder(&lower) || lower.starts_with("sort:") || lower.starts_with("sort by:")
}

/// Words a "Loading…" placeholder may name ("Loading prices for your
/// region…"); a longer line is a sentence.
const PLACEHOLDER_MAX_WORDS: usize = 6;

/// What a script shows until it fills a box in: "Loading...", "Loading
/// image…". Without the trailing dots it may be a heading about loading
/// ("Loading an image with XHR").
fn is_loading_placeholder(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("loading") else { return false };
    let trailing_dots = lower.ends_with("...") || lower.ends_with('…');
    rest.trim_end_matches(['.', '…']).is_empty() || (trailing_dots && lower.split_whitespace().count() <= PLACEHOLDER_MAX_WORDS)
}

/// How a line crediting a picture starts ("Credit: Reviewed / Jon
/// Chan", "Photo courtesy of Noble Desktop", "Image by Freepik").
const CREDIT_LABELS: &[&str] = &[
    "credit:", "credits:", "image credit:", "image credits:", "photo credit:", "photo credits:", "picture credit:", "photo:", "photos:", "photograph:",
    "courtesy of ", "photo courtesy", "image courtesy", "photo by ", "photos by ", "image by ", "images by ", "photograph by ", "image:", "images:",
    "image source:", "photo source:",
];

/// A credit names who took or owns a picture in a few words; a longer
/// line is a sentence about photos.
const CREDIT_MAX_CHARS: usize = 80;

/// A picture's credit line: the picture's metadata, not the text (on the
/// dev pages 112 such lines on 23 pages, 6 on one page in a reference).
fn is_image_credit(b: &Block) -> bool {
    if !is_line(b) || b.plain.chars().count() > CREDIT_MAX_CHARS {
        return false;
    }
    // Credits often sit in parentheses under the picture ("(Image credit: Wareable)").
    let lower = b.plain.trim().trim_start_matches('(').trim_end_matches(')').to_lowercase();
    CREDIT_LABELS.iter().any(|label| lower.strip_prefix(label).is_some_and(|rest| !rest.trim().is_empty()))
}

/// What a carousel or pager counts ("Picture 1 of 4", "Slide 2 of 8",
/// "Page 1 of 8", a bare "1 of 5"): where the reader is among the
/// slides, not content.
const COUNTED_THINGS: &[&str] = &["picture", "image", "photo", "slide", "page", "video"];

fn is_position_counter(b: &Block) -> bool {
    let Some(lower) = short_line(b) else { return false };
    let number = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit());
    match lower.split_whitespace().collect::<Vec<_>>().as_slice() {
        [thing, n, "of", total] => COUNTED_THINGS.contains(thing) && number(n) && number(total),
        [n, "of", total] => number(n) && number(total),
        _ => false,
    }
}

/// Short notices about the page rather than of it: edit stamps,
/// copyright and licence lines, "was this helpful?" widgets.
const NOTICE_MAX_CHARS: usize = 300;
/// How edit stamps start: a wiki's or a CMS's note of the last change,
/// not every dateline (`dates::DATE_STAMP_OPENINGS`): a "Published …"
/// line in the text is the article's own and stays.
const EDIT_STAMP_PREFIXES: &[&str] = &["last edited by", "last updated", "last modified", "page last edited", "page last modified"];

fn is_page_notice(b: &Block) -> bool {
    if !matches!(b.kind, BlockKind::Paragraph) || b.plain.len() > NOTICE_MAX_CHARS {
        return false;
    }
    let line = b.plain.trim().to_lowercase();
    let has_year = line.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    EDIT_STAMP_PREFIXES.iter().any(|p| line.starts_with(p))
        || (line.starts_with("was this") && line.contains("helpful"))
        || ((line.starts_with('©') || line.starts_with("copyright") || line.starts_with("(c) copyright")) && has_year)
        || line.contains("all rights reserved")
        || line.contains("content of this page is licensed under")
}

/// A paragraph that is only a date ("Updated March 3, 2025") is page
/// metadata, reported in `published`, not content. List items keep theirs:
/// in a listing the date belongs to the item.
fn is_dateline(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph && (dates::is_dateline(&b.plain) || dates::is_relative_time(&b.plain))
}

fn announces_related(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_) | BlockKind::Paragraph) && related::is_announcement(&block.plain)
}

/// A paragraph this long inside a related section is the article again.
const RELATED_TEASER_MAX_CHARS: usize = 200;

fn drop_related_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    // Level of the heading that opened the skipped section (7: a plain
    // line), and the layout cell it sits in.
    let mut skipping: Option<(u8, usize)> = None;
    for b in blocks {
        if announces_related(&b) {
            let level = match b.kind {
                BlockKind::Heading(l) => l,
                _ => 7,
            };
            skipping = Some((level, b.layout_cell));
            continue;
        }
        // The section ends at the next heading of its level, where the
        // article's prose resumes (teasers are short), or with the column
        // of a page laid out in a table (a sidebar's links beside the text).
        match (skipping, &b.kind) {
            (Some((_, cell)), _) if b.layout_cell != cell => skipping = None,
            (Some((level, _)), BlockKind::Heading(l)) if *l <= level || level == 7 => skipping = None,
            (Some(_), BlockKind::Paragraph) if b.plain.chars().count() >= RELATED_TEASER_MAX_CHARS => skipping = None,
            _ => {}
        }
        if skipping.is_none() {
            out.push(b);
        }
    }
    out
}

/// `phrase` in `text` at word boundaries ("subscribe" not in "subscribers").
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Words a line must repeat, at least, to be read as said twice: a name
/// said twice in one word ("Sing Sing", "Talk Talk") is a name.
const DOUBLED_MIN_WORDS: usize = 2;

/// A line that says the same words twice over ("Best Overall Best
/// Overall") is one label rendered twice, for small and large screens, in
/// one block: it is said once.
fn undouble(mut b: Block) -> Block {
    if !is_line(&b) {
        return b;
    }
    // Both renderings must repeat, so text and Markdown keep saying the
    // same (two links with one label but different targets are two links).
    if let (Some(half), Some(md_half)) = (said_twice(&b.plain), said_twice(&b.md)) {
        (b.plain, b.md) = (half.to_string(), md_half.to_string());
    }
    b
}

/// The first half of `text` when the second repeats it word for word.
fn said_twice(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let half = words.len() / 2;
    let worded = words[..half].iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
    if words.len() % 2 != 0 || worded < DOUBLED_MIN_WORDS || words[..half] != words[half..] {
        return None;
    }
    // The first half, as written: up to the end of its last word.
    let mut end = 0;
    for word in &words[..half] {
        end = text[end..].find(word).map(|at| end + at + word.len())?;
    }
    Some(text[..end].trim_start())
}

/// The blocks without the repeats of an earlier block, except a line each
/// of several like items carries (a card's "Screen Size: Up to 43\"", the
/// same parameter of two functions, a step repeated in each tab): it is
/// part of each item. Not a heading (a post's "Re: subject" labels the
/// item's template), a quotation (a reply quoting an earlier post) or a
/// line of a cloned item (carousels repeat their slides).
fn dedup(blocks: Vec<Block>) -> Vec<Block> {
    let clones = cloned_items(&blocks);
    let mut first_seen: HashMap<String, Vec<Item>> = HashMap::new();
    let mut kept = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.plain.chars().count() < DEDUP_MIN_CHARS || matches!(b.kind, BlockKind::Rule) {
            kept.push(b);
            continue;
        }
        let keep = match first_seen.get(&b.plain) {
            None => {
                first_seen.insert(b.plain.clone(), b.items.clone());
                true
            }
            Some(first) => {
                b.quote == 0
                    && !matches!(b.kind, BlockKind::Heading(_))
                    && other_item_of_its_list(first, &b.items).is_some_and(|item| !clones.contains(&item.element))
            }
        };
        if keep {
            kept.push(b);
        }
    }
    kept
}

/// The item of `second`'s items that is another item of a list one of
/// `first`'s items is in: where the two chains of items part, as siblings.
fn other_item_of_its_list(first: &[Item], second: &[Item]) -> Option<Item> {
    let (a, b) = first.iter().zip(second).find(|(a, b)| a != b)?;
    (a.list == b.list).then_some(*b)
}

/// The items whose blocks say word for word what an earlier item's say
/// (compared by a hash of their text, which a page can make large).
fn cloned_items(blocks: &[Block]) -> HashSet<usize> {
    let mut hash_of: HashMap<usize, u64> = HashMap::new();
    for b in blocks {
        for item in &b.items {
            let hash = hash_of.entry(item.element).or_default();
            let mut hasher = DefaultHasher::new();
            (*hash, &b.plain).hash(&mut hasher);
            *hash = hasher.finish();
        }
    }
    let mut items: Vec<(usize, u64)> = hash_of.into_iter().collect();
    // In document order, so the original comes before its clones.
    items.sort_unstable();
    let mut said = HashSet::new();
    items.into_iter().filter(|&(_, hash)| !said.insert(hash)).map(|(element, _)| element).collect()
}

#[cfg(test)]
mod tests {
    use super::super::NO_QUOTE;
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            quote: 0,
            quote_of: NO_QUOTE,
            plain: text.to_string(),
            md: text.to_string(),
            in_paragraph: false,
            layout_cell: super::super::NO_CELL,
            items: Vec::new(),
            list_item: crate::extract::dom::NONE,
        }
    }

    /// `filter` drops each line of `dropped` and keeps each of `kept`, as paragraphs.
    fn assert_filter(filter: fn(&Block) -> bool, dropped: &[&str], kept: &[&str]) {
        for line in dropped {
            assert!(filter(&paragraph(line)), "should drop {line:?}");
        }
        for line in kept {
            assert!(!filter(&paragraph(line)), "should keep {line:?}");
        }
    }

    #[test]
    fn bare_media_addresses_are_not_text() {
        assert!(is_bare_media_url(&paragraph("https://cdn11.example.com/images/5001_TEE_BONE_THUMB_1.jpg")));
        assert!(is_bare_media_url(&paragraph("https://example.com/videos/daisy.mp4?w=640")));
        assert!(!is_bare_media_url(&paragraph("https://example.com/downloads/")));
        assert!(!is_bare_media_url(&paragraph("See https://example.com/a.jpg for the photo.")));
    }

    #[test]
    fn picture_credits_are_dropped_but_not_sources_or_prose() {
        assert_filter(
            is_image_credit,
            &[
                "Credit: Reviewed / Jonathan Chan", "Photo Courtesy of Noble Desktop", "Image credit: © Depositphotos.com", "Photo: Shutterstock",
                "(Image credit: Wareable)", "Image source: Getty Images.",
            ],
            &["Source: Bureau of Labor Statistics", "Credit:", "Photo by photo, the album grows over the summer until it fills the shelf by the door."],
        );
    }

    #[test]
    fn carousel_and_pager_positions_are_dropped() {
        assert_filter(
            is_position_counter,
            &["Picture 1 of 4", "Slide 2 of 8", "Page 1 of 8", "1 of 5"],
            &["Chapter 1 of 8", "Page 1 of the manual", "1 of 5 stars"],
        );
    }

    #[test]
    fn a_line_said_twice_is_said_once() {
        let said = |text: &str| undouble(paragraph(text)).plain;
        assert_eq!(said("Best Overall Best Overall"), "Best Overall");
        assert_eq!(said("  Seller's other items  Seller's other items"), "Seller's other items");
        // A name said twice in one word, numbers and art stay as written.
        assert_eq!(said("Sing Sing"), "Sing Sing");
        assert_eq!(said("1234 1234 1234 1234"), "1234 1234 1234 1234");
        assert_eq!(said("/ \\ / \\"), "/ \\ / \\");
        assert_eq!(said("Best Overall Best Value"), "Best Overall Best Value");
        let mut doubled = paragraph("Talk to an Expert Talk to an Expert");
        doubled.md = "[Talk to an Expert](/e) [Talk to an Expert](/e)".to_string();
        assert_eq!(undouble(doubled).md, "[Talk to an Expert](/e)");
        let mut two_links = paragraph("Size guide Size guide");
        two_links.md = "[Size guide](/men) [Size guide](/women)".to_string();
        assert_eq!(undouble(two_links).plain, "Size guide Size guide");
    }

    #[test]
    fn calls_to_action_are_dropped_but_not_prose_about_them() {
        let blocks = vec![
            paragraph("Join our mailing list!"),
            paragraph("My best month had 54 subscribers per post."),
            paragraph("If you like it, please share it with a friend."),
            paragraph("Skip to main content"),
            paragraph("Find the answer to your question by asking."),
            paragraph("Oops! Something went wrong while submitting the form."),
            paragraph("Press enter or click to view image in full size"),
            paragraph("Did you enjoy this post? Pin it for later!"),
            paragraph("A minimal Flask application looks something like this:"),
            paragraph("Skip to the grub update below if you have not created a new UUID."),
        ];
        let kept: Vec<String> = blocks.into_iter().filter(|b| !is_call_to_action(b)).map(|b| b.plain).collect();
        assert_eq!(
            kept,
            vec![
                "My best month had 54 subscribers per post.",
                "A minimal Flask application looks something like this:",
                "Skip to the grub update below if you have not created a new UUID."
            ]
        );
    }

    #[test]
    fn lines_of_icons_are_dropped_but_not_prices_or_punctuation() {
        for icons in ["→", "× ", "★★★★★", "\u{f054}", "💡", "↑ ↓"] {
            assert!(is_only_icons(&paragraph(icons)), "{icons:?}");
        }
        for kept in ["€", "}", "...", "→ Next step", "5 ★"] {
            assert!(!is_only_icons(&paragraph(kept)), "{kept:?}");
        }
    }

    #[test]
    fn unrendered_template_placeholders_are_dropped_but_not_code_or_prose() {
        assert_filter(
            is_unrendered_template,
            &["{{ DiscussionBoard.errors[11793116].message }}", "{{price.total}} {{price.monthly}}", "{{banner=\"/case-banners/hire\"}}"],
            &["Original price: {{price.original}}", "Write {{ name }} to print the name.", "{{ unclosed", "}}"],
        );
        let code = Block { md: "`{{ field.label }}`".into(), ..paragraph("{{ field.label }}") };
        assert!(!is_unrendered_template(&code));
    }

    #[test]
    fn furniture_labels_are_dropped() {
        assert_filter(
            is_furniture_label,
            &[
                "Advertisement", "Tags:", "Read more", "Table of Contents", "Reply With Quote", "Add to Compare", "Shop now", "Unit price per",
                "Start asking to get answers", "Top Rated", "Best Seller", "Original Poster", "Offline", "Pin this for later!", "Share it!", "Like this:",
            ],
            &["New", "Tags are how we group posts.", "Close the lid before you shop.", "Share with a friend", "Pin the hem before you sew it."],
        );
    }

    #[test]
    fn post_statistics_are_dropped() {
        assert_filter(
            is_post_stat,
            &["3 likes", "1 Like", "12 replies", "0 reviews", "1,204 posts", "Posts: 120", "1,204 posts · Joined 2019", "Joined: Nov 4, 2011"],
            &["3 likes and a reply", "Posts are moderated.", "Most people liked it"],
        );
        let answers = Block { kind: BlockKind::Heading(2), ..paragraph("11 Answers") };
        assert!(is_post_stat(&answers));
        assert!(is_post_stat(&paragraph("1,693 views")));
    }

    #[test]
    fn listing_status_lines_are_dropped() {
        assert_filter(
            is_listing_status,
            &[
                "Showing 1–24 of 120 products", "Products (36)", "Loaded 24 results", "1,204 results", "Sort: Best Match", "Loading...", "Loading image…",
                "Loading prices for your region...",
            ],
            &["24 products for the kitchen", "Results", "Loading docks and ramps", "Loading an image with XHR", "Loading the truck: what goes in first..."],
        );
    }

    #[test]
    fn reading_times_are_dropped_but_durations_stay() {
        assert_filter(
            is_reading_time,
            &["5 min read", "3 MIN. READ", "Reading time: 11 minutes", "14 minute read"],
            &["15 minutes", "Bake for 25 min", "Read time matters"],
        );
    }

    #[test]
    fn page_notices_are_dropped() {
        assert!(is_page_notice(&paragraph("Last edited by Trilby (2024-08-04 14:26:59)")));
        assert!(is_page_notice(&paragraph("© 2025 Bellhop, Inc. Terms Privacy")));
        assert!(is_page_notice(&paragraph("Was this page helpful?")));
        assert!(!is_page_notice(&paragraph("© Victor Sailer")));
        assert!(!is_page_notice(&paragraph("Copyright law protects original works of authorship.")));
    }

    #[test]
    fn related_sections_end_where_the_article_resumes() {
        let prose = "The article goes on here with a long paragraph of its own, long enough that no teaser would ever be this long: it has clauses, commas, a second sentence that keeps going for a while, and a full stop at the end.";
        let blocks = vec![
            paragraph("First part of the article."),
            Block { kind: BlockKind::Heading(3), md: "### Related".into(), ..paragraph("Related") },
            paragraph("Another story you could read"),
            paragraph(prose),
        ];
        let kept: Vec<String> = drop_related_sections(blocks).into_iter().map(|b| b.plain).collect();
        assert_eq!(kept, vec!["First part of the article.", prose]);
        // A page laid out in a table: the sidebar's related links end with
        // their column, the article's short lines beside them stay.
        let in_column = |text: &str, cell: usize| Block { layout_cell: cell, ..paragraph(text) };
        let blocks = vec![
            in_column("Related links", 1),
            in_column("Mail archive", 1),
            in_column("This document describes the library.", 2),
            in_column("Key points:", 2),
        ];
        let kept: Vec<String> = drop_related_sections(blocks).into_iter().map(|b| b.plain).collect();
        assert_eq!(kept, vec!["This document describes the library.", "Key points:"]);
    }
}
