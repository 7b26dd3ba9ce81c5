//! Stage 5: walk the main region once and turn it into blocks (headings,
//! paragraphs, list items, code, tables), from which both the plain text and
//! the Markdown are written. One walk, two outputs: they cannot disagree.

use std::collections::HashSet;

use url::Url;

use super::clean::Drop;
use super::content::{is_block_tag, Analysis, Verdict};
use super::dom::{push_collapsed, Dom, Kind};
use crate::model::{ExtractOptions, Image};

/// Nesting deeper than this is rendered as flat text: hostile pages nest
/// thousands of elements to exhaust the stack.
const MAX_DEPTH: usize = 256;
/// Blocks at least this long are dropped when they repeat verbatim
/// (responsive pages often carry the same text twice).
const DEDUP_MIN_CHARS: usize = 20;

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// `depth` starts at 1; `number` is set for ordered lists.
    ListItem { depth: u8, number: Option<u32> },
    Code { lang: Option<String> },
    Table { rows: Vec<Vec<String>>, plain_rows: Vec<Vec<String>> },
    Rule,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub quote: u8,
    pub plain: String,
    pub md: String,
}

pub struct Rendered {
    pub blocks: Vec<Block>,
    pub images: Vec<Image>,
}

struct ListState {
    ordered: bool,
    next: u32,
}

struct Renderer<'d, 'a> {
    dom: &'d Dom<'a>,
    drop: &'d [Drop],
    analysis: &'d Analysis,
    options: &'d ExtractOptions,
    base: Option<&'d Url>,
    blocks: Vec<Block>,
    images: Vec<Image>,
    seen_images: HashSet<String>,
    plain: String,
    md: String,
    kind: BlockKind,
    quote: u8,
    lists: Vec<ListState>,
    /// Current block owner is a bad block: its own text is skipped.
    skipping: bool,
    in_pre: bool,
    /// Open `<li>` elements around the current node.
    list_items: usize,
    /// Bumped by every flush, so inline wrappers can tell that a block
    /// started inside them (`<a><div>..</div></a>`) and not wrap.
    flushes: usize,
    /// Emphasis markers of the inline wrappers around the current node:
    /// `<strong><b>x</b>:</strong>` marks once, not `****x**:**`.
    open_marks: Vec<&'static str>,
}

pub fn render(dom: &Dom, drop: &[Drop], analysis: &Analysis, options: &ExtractOptions, base: Option<&Url>) -> Rendered {
    let mut r = Renderer {
        dom,
        drop,
        analysis,
        options,
        base,
        blocks: Vec::new(),
        images: Vec::new(),
        seen_images: HashSet::new(),
        plain: String::new(),
        md: String::new(),
        kind: BlockKind::Paragraph,
        quote: 0,
        lists: Vec::new(),
        skipping: false,
        in_pre: false,
        list_items: 0,
        flushes: 0,
        open_marks: Vec::new(),
    };
    r.walk(analysis.region, 0);
    r.flush();
    let mut blocks = dedup(r.blocks);
    blocks.retain(|b| !is_call_to_action(b) && !is_dateline(b) && !is_furniture_label(b) && !is_page_notice(b) && !is_post_stat(b) && !is_listing_status(b) && !is_bare_media_url(b));
    let blocks = drop_related_sections(blocks);
    Rendered { blocks, images: r.images }
}

/// File endings of images, video and audio.
const MEDIA_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "mp4", "webm", "mov", "mp3", "m4a"];

/// A line that is nothing but the address of an image or video file
/// (a custom field printed raw: "https://cdn…/tee_bone_thumb.jpg"): no
/// reader reads it; the media itself is in `images` when asked for.
fn is_bare_media_url(b: &Block) -> bool {
    let text = b.plain.trim();
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }) || text.contains(char::is_whitespace) || !(text.starts_with("https://") || text.starts_with("http://") || text.starts_with("//")) {
        return false;
    }
    let path = text.split(['?', '#']).next().unwrap_or(text);
    path.rsplit_once('.').is_some_and(|(_, ext)| MEDIA_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Short lines that ask the reader to do something other than read:
/// subscribe, share, sign in, comment. Matched on lowercase text.
const CALL_TO_ACTION_PHRASES: &[&str] = &[
    "subscribe", "sign up", "signup", "newsletter", "mailing list", "share this", "please share",
    "follow us", "leave a comment", "leave a reply", "log in to", "sign in to", "join our",
    "join medium", "share on", "like this:", "rate this", "star rating", "skip to",
];
/// Blocks up to this long are checked for a call to action; longer ones
/// are content that happens to mention subscribing.
const CALL_TO_ACTION_MAX_CHARS: usize = 160;

fn is_call_to_action(b: &Block) -> bool {
    !matches!(b.kind, BlockKind::Code { .. } | BlockKind::Table { .. })
        && b.plain.chars().count() <= CALL_TO_ACTION_MAX_CHARS
        && {
            let lower = b.plain.to_lowercase();
            CALL_TO_ACTION_PHRASES.iter().any(|p| contains_words(&lower, p))
        }
}

/// Lines that only label page furniture or its controls: an ad slot, a
/// share bar, a tag list, a byline box, shop and teaser buttons. On their
/// own they are never content (on the dev pages "Compare" stood alone 92
/// times, never in a reference; "Read more" 56 to 3).
const FURNITURE_LABELS: &[&str] = &[
    "advertisement", "advertisements", "sponsored", "share", "tags", "written by", "author",
    "in this article", "table of contents", "contents", "on this page", "jump to", "related topics", "about the author", "article continues below",
    "compare", "add to wishlist", "add to wish list", "add to cart", "add to bag", "add to basket",
    "in stock", "read more", "see all", "see more", "show more", "show less", "see less", "view all",
    "email", "print", "write a review", "buy now", "quick view", "quick shop",
    "contact us", "get started", "get a quote", "request a quote", "let's connect", "request a demo",
    "start free trial", "play video", "sort and filter", "sort by", "quote", "reply", "permalink",
    "reply with quote", "multi-quote", "add to compare", "clear rating",
];

/// Labels, counters and status lines are at most this long (bytes);
/// longer lines are sentences that happen to start the same way.
const LABEL_LINE_MAX_LEN: usize = 40;

fn is_furniture_label(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_) | BlockKind::ListItem { .. })
        && b.plain.len() <= LABEL_LINE_MAX_LEN
        && FURNITURE_LABELS.contains(&b.plain.trim().trim_end_matches([':', '!', '.']).to_lowercase().replace('’', "'").as_str())
}

/// Words after a count that make it a post's or poster's statistic
/// ("3 likes", "12 replies", "1,204 posts"), or a product card's ("0 reviews").
const POST_STAT_WORDS: &[&str] = &["like", "likes", "reply", "replies", "post", "posts", "reaction", "reactions", "upvote", "upvotes", "point", "points", "review", "reviews"];

/// Forum furniture around each post: its counters ("3 likes"), the
/// poster's record ("Posts: 120", "1,204 posts · Joined 2019"); a product
/// card's review count. Never part of what was said.
fn is_post_stat(b: &Block) -> bool {
    let text = b.plain.trim();
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }) || text.len() > LABEL_LINE_MAX_LEN {
        return false;
    }
    let lower = text.to_lowercase();
    let count = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.') && w.bytes().next().is_some_and(|c| c.is_ascii_digit());
    let words: Vec<&str> = lower.split_whitespace().collect();
    let counter = words.len() == 2 && count(words[0].trim_end_matches('k')) && POST_STAT_WORDS.contains(&words[1]);
    let record = lower.starts_with("posts:") && words.len() == 2 && count(words[1])
        || lower.contains(" posts · joined")
        || lower.starts_with("joined:")
        || lower.starts_with("joined ");
    counter || record
}

/// What a listing counts.
const LISTED_THINGS: &[&str] = &["products", "results", "items"];

/// A listing's controls and status rather than its items: result counts
/// ("Showing 1–24 of 120 products", "Products (36)"), sort pickers
/// ("Sort: Best Match"), "Loading..." placeholders.
fn is_listing_status(b: &Block) -> bool {
    let text = b.plain.trim();
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading(_)) || text.len() > LABEL_LINE_MAX_LEN {
        return false;
    }
    let lower = text.to_lowercase();
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
    counted || lower.trim_end_matches(['.', '…']) == "loading" || lower.starts_with("sort:") || lower.starts_with("sort by:")
}

/// Short notices about the page rather than of it: edit stamps,
/// copyright and licence lines, "was this helpful?" widgets.
const NOTICE_MAX_CHARS: usize = 300;
/// How edit stamps start.
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
    b.kind == BlockKind::Paragraph && super::dates::is_dateline(&b.plain)
}

fn announces_related(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_) | BlockKind::Paragraph) && super::related::is_announcement(&block.plain)
}

/// A paragraph this long inside a related section is the article again.
const RELATED_TEASER_MAX_CHARS: usize = 200;

fn drop_related_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    // Level of the heading that opened the skipped section (7: a plain line).
    let mut skipping: Option<u8> = None;
    for b in blocks {
        if announces_related(&b) {
            skipping = Some(match b.kind { BlockKind::Heading(l) => l, _ => 7 });
            continue;
        }
        // The section ends at the next heading of its level, or where the
        // article's prose resumes (teasers are short).
        match (skipping, &b.kind) {
            (Some(level), BlockKind::Heading(l)) if *l <= level || level == 7 => skipping = None,
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

fn dedup(blocks: Vec<Block>) -> Vec<Block> {
    let mut seen = HashSet::new();
    blocks
        .into_iter()
        .filter(|b| b.plain.chars().count() < DEDUP_MIN_CHARS || matches!(b.kind, BlockKind::Rule) || seen.insert(b.plain.clone()))
        .collect()
}

impl<'d, 'a> Renderer<'d, 'a> {
    fn walk(&mut self, i: usize, depth: usize) {
        if self.drop[i] != Drop::Keep {
            return;
        }
        let dom = self.dom;
        match dom.nodes[i].kind {
            Kind::Text(t) => self.push_text(t),
            Kind::Element(e) => {
                if depth > MAX_DEPTH {
                    let text = dom.collapsed_text(i);
                    self.push_text(&text);
                    return;
                }
                let tag = e.name();
                let saved_skip = self.skipping;
                if is_block_tag(tag) {
                    // Inside the region a list of links is the page's own
                    // (prerequisites, resources, a listing's items): menus
                    // were dropped or left outside by the earlier stages.
                    self.skipping = self.analysis.verdict[i] == Verdict::Bad && tag != "li" && self.list_items == 0;
                }
                match tag {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        self.flush();
                        self.kind = BlockKind::Heading(tag.as_bytes()[1] - b'0');
                        self.children(i, depth);
                        self.flush();
                    }
                    "ul" | "ol" | "menu" => {
                        self.flush();
                        let start = e.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                        self.lists.push(ListState { ordered: tag == "ol", next: start });
                        self.children(i, depth);
                        self.flush();
                        self.lists.pop();
                    }
                    "li" => {
                        self.flush();
                        let depth_now = self.lists.len().max(1) as u8;
                        let number = self.lists.last_mut().and_then(|l| {
                            if l.ordered {
                                l.next += 1;
                                Some(l.next - 1)
                            } else {
                                None
                            }
                        });
                        self.kind = BlockKind::ListItem { depth: depth_now, number };
                        self.list_items += 1;
                        self.children(i, depth);
                        self.list_items -= 1;
                        self.flush();
                    }
                    "pre" => {
                        self.flush();
                        if !self.skipping {
                            self.code_block(i);
                        }
                    }
                    "blockquote" => {
                        self.flush();
                        self.quote += 1;
                        self.children(i, depth);
                        self.flush();
                        self.quote -= 1;
                    }
                    "table" => {
                        self.flush();
                        if self.options.include_tables {
                            if is_layout_table(dom, i) {
                                self.children(i, depth);
                            } else {
                                self.table(i, depth);
                            }
                        }
                        self.flush();
                    }
                    "hr" => {
                        self.flush();
                        self.blocks.push(Block { kind: BlockKind::Rule, quote: self.quote, plain: String::new(), md: "---".into() });
                    }
                    "br" => {
                        if !self.plain.is_empty() && !self.plain.ends_with('\n') {
                            self.plain.push('\n');
                            self.md.push_str("  \n");
                        }
                    }
                    "img" => self.image(i),
                    "a" => self.link(i, depth),
                    "strong" | "b" => self.wrap_inline(i, depth, "**"),
                    "em" | "i" => self.wrap_inline(i, depth, "*"),
                    "del" | "s" | "strike" => self.wrap_inline(i, depth, "~~"),
                    "code" | "kbd" | "samp" | "tt" => self.inline_code(i),
                    _ if is_block_tag(tag) => {
                        self.flush();
                        self.children(i, depth);
                        self.flush();
                    }
                    _ => self.children(i, depth),
                }
                self.skipping = saved_skip;
            }
        }
    }

    fn children(&mut self, i: usize, depth: usize) {
        for c in 0..self.dom.nodes[i].children.len() {
            let child = self.dom.nodes[i].children[c];
            self.walk(child, depth + 1);
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.skipping {
            return;
        }
        if !self.in_pre && glued_at_element_boundary(&self.plain, t) {
            self.plain.push(' ');
            self.md.push(' ');
        }
        let plain_before = self.plain.len();
        push_collapsed(&mut self.plain, t);
        if self.plain.len() == plain_before {
            return;
        }
        if self.in_pre {
            self.md.push_str(&self.plain[plain_before..]);
        } else {
            let added = self.plain[plain_before..].to_string();
            push_escaped(&mut self.md, &added);
        }
    }

    /// Render children, then wrap what they added to the Markdown in
    /// `marker` (keeping surrounding spaces outside the markers).
    fn wrap_inline(&mut self, i: usize, depth: usize, marker: &'static str) {
        if self.open_marks.contains(&marker) {
            self.children(i, depth);
            return;
        }
        let start = self.md.len();
        let flushes = self.flushes;
        self.open_marks.push(marker);
        self.children(i, depth);
        self.open_marks.pop();
        if self.flushes != flushes {
            return;
        }
        let inner = self.md[start..].to_string();
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            return;
        }
        // Emphasis cannot span a `<br>`: each line is marked on its own.
        if trimmed.contains('\n') {
            let lines: Vec<String> = inner.split('\n').map(|line| mark_line(line, marker)).collect();
            self.md.truncate(start);
            self.md.push_str(&lines.join("\n"));
            return;
        }
        if already_marked(trimmed, marker) {
            return;
        }
        let lead = if inner.starts_with(' ') { " " } else { "" };
        let trail = if inner.ends_with(' ') { " " } else { "" };
        self.md.truncate(start);
        // Right after a run with the same emphasis (`<b>Us$</b><b>11.99</b>`)
        // the two join: "**Us$11.99**", not "**Us$****11.99**".
        let before = &self.md[..start];
        let joins = lead.is_empty() && before.ends_with(marker) && !before[..before.len() - marker.len()].ends_with('*');
        if joins {
            self.md.truncate(start - marker.len());
            self.md.push_str(&format!("{trimmed}{marker}{trail}"));
        } else {
            self.md.push_str(&format!("{lead}{marker}{trimmed}{marker}{trail}"));
        }
    }

    fn inline_code(&mut self, i: usize) {
        if self.skipping {
            return;
        }
        let text = self.dom.collapsed_text(i);
        if text.is_empty() {
            return;
        }
        if !self.plain.is_empty() && !self.plain.ends_with([' ', '\n']) && starts_after_space(self.dom, i) {
            self.plain.push(' ');
            self.md.push(' ');
        }
        self.plain.push_str(&text);
        let fence = if text.contains('`') { "``" } else { "`" };
        let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
        self.md.push_str(&format!("{fence}{pad}{text}{pad}{fence}"));
    }

    fn link(&mut self, i: usize, depth: usize) {
        let href = self.dom.attr(i, "href").and_then(|h| absolute(self.base, h));
        let start = self.md.len();
        let flushes = self.flushes;
        self.children(i, depth);
        if !self.options.include_links || self.flushes != flushes {
            return;
        }
        let Some(href) = href else { return };
        let inner = self.md[start..].to_string();
        let trimmed = inner.trim();
        if trimmed.is_empty() || trimmed.contains('\n') {
            return;
        }
        let lead = if inner.starts_with(' ') { " " } else { "" };
        let trail = if inner.ends_with(' ') { " " } else { "" };
        self.md.truncate(start);
        let href = String::from(href).replace(' ', "%20").replace(')', "%29");
        self.md.push_str(&format!("{lead}[{trimmed}]({href}){trail}"));
    }

    fn image(&mut self, i: usize) {
        let dom = self.dom;
        let Some(src) = image_source(dom, i).and_then(|s| resolve(self.base, s)) else { return };
        let alt = dom.attr(i, "alt").map(super::dom::collapse).filter(|a| !a.is_empty());
        if self.seen_images.insert(src.clone()) {
            self.images.push(Image { url: src.clone(), alt: alt.clone() });
        }
        if self.options.include_images && !self.skipping {
            let alt = alt.unwrap_or_default().replace(['[', ']'], "");
            self.md.push_str(&format!("![{alt}]({})", src.replace(' ', "%20")));
        }
    }

    fn code_block(&mut self, i: usize) {
        let dom = self.dom;
        let code = dom.raw_text(i);
        let code = code.trim_matches('\n').trim_end();
        if code.trim().is_empty() {
            return;
        }
        let lang = code_language(dom, i);
        self.blocks.push(Block {
            kind: BlockKind::Code { lang },
            quote: self.quote,
            plain: code.to_string(),
            md: code.to_string(),
        });
    }

    fn table(&mut self, table: usize, depth: usize) {
        self.flushes += 1;
        let dom = self.dom;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut plain_rows: Vec<Vec<String>> = Vec::new();
        for tr in dom.find_all_in(table, "tr") {
            if self.drop[tr] != Drop::Keep || nearest_table(dom, tr) != Some(table) {
                continue;
            }
            let mut row = Vec::new();
            let mut plain_row = Vec::new();
            for &cell in &dom.nodes[tr].children {
                if !matches!(dom.tag(cell), "td" | "th") || self.drop[cell] != Drop::Keep {
                    continue;
                }
                let (saved_plain, saved_md) = (std::mem::take(&mut self.plain), std::mem::take(&mut self.md));
                let saved_skip = std::mem::replace(&mut self.skipping, false);
                self.children(cell, depth + 1);
                self.skipping = saved_skip;
                let plain = std::mem::replace(&mut self.plain, saved_plain);
                let md = std::mem::replace(&mut self.md, saved_md);
                plain_row.push(plain.split_whitespace().collect::<Vec<_>>().join(" "));
                row.push(one_line(&md).replace('|', "\\|"));
            }
            if row.iter().any(|c| !c.is_empty()) {
                rows.push(row);
                plain_rows.push(plain_row);
            }
        }
        if rows.is_empty() {
            return;
        }
        let plain = plain_rows.iter().map(|r| r.join(" | ")).collect::<Vec<_>>().join("\n");
        self.blocks.push(Block {
            kind: BlockKind::Table { rows, plain_rows },
            quote: self.quote,
            plain,
            md: String::new(),
        });
    }

    /// End the current inline run as a block of the pending kind.
    fn flush(&mut self) {
        self.flushes += 1;
        let plain = self.plain.trim();
        if is_blank(plain) && is_blank(&self.md) {
            self.plain.clear();
            self.md.clear();
            return;
        }
        let plain = plain.lines().map(str::trim).collect::<Vec<_>>().join("\n");
        let md = self.md.trim().lines().map(str::trim_start).collect::<Vec<_>>().join("\n");
        self.blocks.push(Block { kind: std::mem::replace(&mut self.kind, BlockKind::Paragraph), quote: self.quote, plain, md });
        self.plain.clear();
        self.md.clear();
    }
}

/// Characters that take no space: a paragraph of nothing else (Webflow
/// spaces sections with `<p>&zwj;</p>`) is empty. Inside text they stay:
/// they join emoji and shape scripts.
const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'];

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || INVISIBLE.contains(&c))
}

/// A table used for page layout (cells holding blocks or other tables, in
/// a table of moderate size) or a single-row table is walked as a
/// container, not written as a Markdown table.
fn is_layout_table(dom: &Dom, table: usize) -> bool {
    let rows = dom.find_all_in(table, "tr").count();
    let holds_blocks = (table + 1..dom.nodes[table].end)
        .any(|j| matches!(dom.tag(j), "table" | "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "pre" | "blockquote"));
    rows <= 1 || (holds_blocks && rows < LAYOUT_TABLE_MAX_ROWS)
}

/// A table with block content and more rows than this is data anyway.
const LAYOUT_TABLE_MAX_ROWS: usize = 40;

fn nearest_table(dom: &Dom, i: usize) -> Option<usize> {
    dom.self_and_ancestors(i).find(|&at| dom.tag(at) == "table")
}

fn starts_after_space(dom: &Dom, i: usize) -> bool {
    // Inline code usually sits between words; its own whitespace lives in
    // the surrounding text nodes, so look at the previous text.
    dom.previous_siblings(i).next().and_then(|p| dom.text(p)).is_some_and(|t| t.ends_with(char::is_whitespace))
}

/// Wrapper elements above a `<pre>` searched for its language class.
const CODE_WRAPPER_DEPTH: usize = 2;

/// Language names taken from a bare class on the `<pre>` or `<code>`
/// itself (rustdoc's `<pre class="rust">`, highlight.js's `<code
/// class="hljs python">`); anything else bare is a style class.
const BARE_LANGUAGES: &[&str] = &[
    "bash", "c", "cpp", "csharp", "css", "go", "html", "java", "javascript", "js", "json", "kotlin", "php", "python",
    "ruby", "rust", "scala", "shell", "sh", "sql", "swift", "toml", "ts", "typescript", "xml", "yaml",
];

/// Language of a code block from `class="language-x"`, `lang-x`,
/// `highlight-x`, `brush: x` or a bare language name on the `<pre>` or its
/// `<code>`, or from a prefixed class on the wrappers just above the
/// `<pre>` (Sphinx writes `<div class="highlight-python3"><div
/// class="highlight"><pre>`, GitHub `<div class="highlight
/// highlight-source-rust"><pre>`).
fn code_language(dom: &Dom, pre: usize) -> Option<String> {
    // (element, whether it is the block itself: bare names count only there)
    let block = std::iter::once(pre).chain(dom.find_all_in(pre, "code").take(1)).map(|i| (i, true));
    let wrappers = dom.ancestors(pre).take(CODE_WRAPPER_DEPTH).map(|i| (i, false));
    for (i, own) in block.chain(wrappers) {
        let Some(class) = dom.attr(i, "class") else { continue };
        let tokens: Vec<&str> = class.split_ascii_whitespace().collect();
        for (k, token) in tokens.iter().enumerate() {
            let prefixed = ["language-", "lang-", "highlight-source-", "highlight-", "brush:"].iter().find_map(|prefix| token.strip_prefix(prefix));
            // MDN writes "brush: js", the name as the next token.
            let prefixed = match prefixed {
                Some("") if *token == "brush:" => tokens.get(k + 1).copied(),
                other => other,
            };
            if let Some(lang) = prefixed {
                let lang = lang.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '+' && c != '#');
                // Sphinx's "highlight-default" and "highlight-none" name no language.
                if !lang.is_empty() && lang.len() < 20 && !matches!(lang, "default" | "none") {
                    return Some(lang.to_ascii_lowercase());
                }
            }
            if own && BARE_LANGUAGES.contains(&token.to_ascii_lowercase().as_str()) {
                return Some(token.to_ascii_lowercase());
            }
        }
        if let Some(lang) = dom.attr(i, "data-lang").or_else(|| dom.attr(i, "data-language")) {
            if !lang.is_empty() && lang.len() < 20 {
                return Some(lang.to_ascii_lowercase());
            }
        }
    }
    None
}

/// `src`, or a lazy-loading attribute, or the first `srcset` candidate.
pub fn image_source<'a>(dom: &Dom<'a>, i: usize) -> Option<&'a str> {
    for attr in ["src", "data-src", "data-lazy-src", "data-original"] {
        if let Some(v) = dom.attr(i, attr) {
            let v = v.trim();
            if !v.is_empty() && !v.starts_with("data:") {
                return Some(v);
            }
        }
    }
    dom.attr(i, "srcset")
        .or_else(|| dom.attr(i, "data-srcset"))
        .and_then(|s| s.split(',').next())
        .and_then(|c| c.split_whitespace().next())
        .filter(|v| !v.starts_with("data:"))
}

/// Resolve `href` against `base`; only http(s) results are kept, fragments dropped.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let mut url = absolute(base, href)?;
    url.set_fragment(None);
    Some(url.into())
}

/// An `http(s)` link target made absolute, fragment kept: a Markdown link
/// to "enum.Result.html#variant.Ok" must land on the variant. Links to the
/// page's own anchors (`#section`) are none.
fn absolute(base: Option<&Url>, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// Escape the characters that would start Markdown syntax inside text.
fn push_escaped(out: &mut String, text: &str) {
    for ch in text.chars() {
        if matches!(ch, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            // Only escape where it could be read as syntax: '#', '>' matter
            // at a line start, the others anywhere.
            let at_line_start = out.is_empty() || out.ends_with('\n');
            if matches!(ch, '#' | '>') && !at_line_start {
                out.push(ch);
                continue;
            }
            out.push('\\');
        }
        out.push(ch);
    }
}

/// Plain text: blocks separated by blank lines; list items and table rows
/// on consecutive lines.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev_list = false;
    for b in blocks {
        let is_list = matches!(b.kind, BlockKind::ListItem { .. });
        if matches!(b.kind, BlockKind::Rule) || b.plain.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if is_list && prev_list { "\n" } else { "\n\n" });
        }
        match &b.kind {
            BlockKind::ListItem { depth, number } => {
                out.push_str(&"  ".repeat(depth.saturating_sub(1) as usize));
                match number {
                    Some(n) => out.push_str(&format!("{n}. ")),
                    None => out.push_str("- "),
                }
                out.push_str(&b.plain);
            }
            _ => out.push_str(&b.plain),
        }
        prev_list = is_list;
    }
    out
}

/// Two text nodes meet only across an element boundary. A lowercase
/// letter running into a capital there ("Hyperlite Mountain Gear" +
/// "Southwest 55 Pack", a brand and a name laid out as separate lines) is
/// two words the page's CSS keeps apart; a drop cap ("W" + "EIGHT") or a
/// styled syllable are not touched. Digits and punctuation were tried
/// too: no dev page gained.
fn glued_at_element_boundary(before: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), next.chars().next()) else { return false };
    last.is_lowercase() && first.is_uppercase()
}

/// A heading or table cell broken by `<br>` as one line: neither can span
/// lines in Markdown, and the break's trailing-space marker must not pile
/// up spaces.
fn one_line(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// GitHub-flavoured Markdown of the blocks.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev_list = false;
    for b in blocks {
        let is_list = matches!(b.kind, BlockKind::ListItem { .. });
        let body = match &b.kind {
            BlockKind::Paragraph => escape_line_starts(&b.md),
            BlockKind::Heading(level) => format!("{} {}", "#".repeat(*level as usize), one_line(&b.md)),
            BlockKind::ListItem { depth, number } => {
                let indent = "  ".repeat(depth.saturating_sub(1) as usize);
                let marker = number.map_or_else(|| "-".to_string(), |n| format!("{n}."));
                let cont = format!("\n{indent}{}", " ".repeat(marker.len() + 1));
                format!("{indent}{marker} {}", escape_line_starts(&b.md).replace('\n', &cont))
            }
            BlockKind::Code { lang } => {
                let fence = if b.md.contains("```") { "~~~~" } else { "```" };
                format!("{fence}{}\n{}\n{fence}", lang.as_deref().unwrap_or(""), b.md)
            }
            BlockKind::Table { rows, .. } => table_markdown(rows),
            BlockKind::Rule => "---".to_string(),
        };
        if !out.is_empty() {
            out.push_str(if is_list && prev_list { "\n" } else { "\n\n" });
        }
        if b.quote > 0 {
            let prefix = "> ".repeat(b.quote as usize);
            let quoted: Vec<String> = body.lines().map(|l| format!("{prefix}{l}").trim_end().to_string()).collect();
            out.push_str(&quoted.join("\n"));
        } else {
            out.push_str(&body);
        }
        prev_list = is_list;
    }
    out
}

/// One line of an emphasised run broken by `<br>`, marked; its spaces
/// (the break's "  " marker among them) stay outside the markers.
fn mark_line(line: &str, marker: &str) -> String {
    let text = line.trim();
    if text.is_empty() || already_marked(text, marker) {
        return line.to_string();
    }
    let lead = &line[..line.len() - line.trim_start().len()];
    let trail = &line[line.trim_end().len()..];
    format!("{lead}{marker}{text}{marker}{trail}")
}

/// Whether `inner` already carries the emphasis `marker` adds: bold inside
/// bold (`<b><strong>`) would read `****x****`. Italic counts as there on
/// `*x*` and `***x***`, not on `**x**`, so bold and italic still nest.
fn already_marked(inner: &str, marker: &str) -> bool {
    let stars = |s: &mut dyn Iterator<Item = char>| s.take_while(|c| *c == '*').count();
    let (lead, trail) = (stars(&mut inner.chars()), stars(&mut inner.chars().rev()));
    if inner.len() <= lead + trail {
        return false;
    }
    match marker {
        "**" => lead >= 2 && trail >= 2,
        "*" => matches!(lead, 1 | 3) && lead == trail,
        _ => inner.len() > 2 * marker.len() && inner.starts_with(marker) && inner.ends_with(marker),
    }
}

/// Text lines that would read as Markdown block syntax are escaped: "- x"
/// or "+ x" (a bullet), "12. x" or "12) x" (a numbered item), and "---" or
/// "===" (a rule, or a heading underline). Elsewhere these characters are
/// plain ("5.0", "-5°C"), so only line starts are looked at.
fn escape_line_starts(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for (k, line) in md.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let bytes = line.as_bytes();
        let marker_ends = |at: usize| bytes.get(at + 1).is_none_or(|b| *b == b' ');
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let escape_at = if matches!(bytes.first(), Some(b'-' | b'+')) && marker_ends(0) {
            Some(0)
        } else if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) && marker_ends(digits) {
            Some(digits)
        } else if bytes.len() >= 3 && (bytes.iter().all(|b| *b == b'-') || bytes.iter().all(|b| *b == b'=')) {
            Some(0)
        } else {
            None
        };
        match escape_at {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push('\\');
                out.push_str(&line[at..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

fn table_markdown(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    // Spacer columns, empty in every row, are left out.
    let filled: Vec<usize> = (0..width).filter(|&c| rows.iter().any(|r| r.get(c).is_some_and(|cell| !cell.trim().is_empty()))).collect();
    let columns = if filled.is_empty() { (0..width).collect() } else { filled };
    let width = columns.len();
    let line = |row: &Vec<String>| {
        let cells: Vec<&str> = columns.iter().map(|&c| row.get(c).map_or("", String::as_str)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(width))];
    out.extend(rows[1..].iter().map(line));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block { kind: BlockKind::Paragraph, quote: 0, plain: text.to_string(), md: text.to_string() }
    }

    #[test]
    fn bare_media_addresses_are_not_text() {
        assert!(is_bare_media_url(&paragraph("https://cdn11.example.com/images/5001_TEE_BONE_THUMB_1.jpg")));
        assert!(is_bare_media_url(&paragraph("https://example.com/videos/daisy.mp4?w=640")));
        assert!(!is_bare_media_url(&paragraph("https://example.com/downloads/")));
        assert!(!is_bare_media_url(&paragraph("See https://example.com/a.jpg for the photo.")));
    }

    #[test]
    fn calls_to_action_are_dropped_but_not_prose_about_them() {
        let blocks = vec![
            paragraph("Join our mailing list!"),
            paragraph("My best month had 54 subscribers per post."),
            paragraph("If you like it, please share it with a friend."),
            paragraph("Skip to main content"),
        ];
        let kept: Vec<String> = blocks.into_iter().filter(|b| !is_call_to_action(b)).map(|b| b.plain).collect();
        assert_eq!(kept, vec!["My best month had 54 subscribers per post."]);
    }

    #[test]
    fn furniture_labels_are_dropped() {
        assert!(is_furniture_label(&paragraph("Advertisement")));
        assert!(is_furniture_label(&paragraph("Tags:")));
        assert!(is_furniture_label(&paragraph("Read more")));
        assert!(is_furniture_label(&paragraph("Table of Contents")));
        assert!(is_furniture_label(&paragraph("Reply With Quote")));
        assert!(is_furniture_label(&paragraph("Add to Compare")));
        assert!(!is_furniture_label(&paragraph("Tags are how we group posts.")));
    }

    #[test]
    fn post_statistics_are_dropped() {
        for line in ["3 likes", "1 Like", "12 replies", "0 reviews", "1,204 posts", "Posts: 120", "1,204 posts · Joined 2019", "Joined: Nov 4, 2011"] {
            assert!(is_post_stat(&paragraph(line)), "{line}");
        }
        for line in ["3 likes and a reply", "Posts are moderated.", "Most people liked it"] {
            assert!(!is_post_stat(&paragraph(line)), "{line}");
        }
    }

    #[test]
    fn listing_status_lines_are_dropped() {
        for line in ["Showing 1–24 of 120 products", "Products (36)", "Loaded 24 results", "1,204 results", "Sort: Best Match", "Loading..."] {
            assert!(is_listing_status(&paragraph(line)), "{line}");
        }
        for line in ["24 products for the kitchen", "Results", "Loading docks and ramps"] {
            assert!(!is_listing_status(&paragraph(line)), "{line}");
        }
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
            Block { kind: BlockKind::Heading(3), quote: 0, plain: "Related".into(), md: "### Related".into() },
            paragraph("Another story you could read"),
            paragraph(prose),
        ];
        let kept: Vec<String> = drop_related_sections(blocks).into_iter().map(|b| b.plain).collect();
        assert_eq!(kept, vec!["First part of the article.", prose]);
    }
}
