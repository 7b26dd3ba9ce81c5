//! Stage 5: walk the main region once and turn it into blocks (headings,
//! paragraphs, list items, code, tables), from which both the plain text and
//! the Markdown are written. One walk, two outputs: they cannot disagree.
//!
//! `inline` holds the rules for running text (escaping, spacing where
//! nodes meet, hard-wrapped lines), `emphasis` the markers of bold, italic
//! and struck-through runs, `filters` then drops the blocks that are not
//! content, `code` names a code block's language, `tables` tells a layout
//! table from a data table, `terms` writes a short term and its value as
//! one line, `items` finds the lists of like items a repeated line may
//! belong to, `output` writes the text and the Markdown.

mod code;
mod emphasis;
mod filters;
mod html;
mod inline;
mod items;
mod output;
mod tables;
mod terms;

use std::collections::HashSet;

use url::Url;

use super::clean::Drop;
use super::content::{is_block_tag, Analysis, Verdict};
use super::dom::{push_collapsed, Dom, Kind, NONE};
use super::links::{absolute, resolve};
use crate::model::{ExtractOptions, Image};
use emphasis::FragileClose;
pub use html::{preformatted, to_html};
use inline::{continues_wrapped_line, edge_spaces, glued_at_element_boundary, is_blank, link_destination, push_escaped, WRAPPED_LINE_LOOKAHEAD};
use items::{like_items, Item, MAX_NESTED_ITEMS};
pub use output::{to_markdown, to_text};
use tables::{is_layout_column, nearest_table, row_cells, table_role, TableRole};

/// `Block::quote_of` outside any blockquote.
pub const NO_QUOTE: usize = usize::MAX;

/// Nesting deeper than this is rendered as flat text: hostile pages nest
/// thousands of elements to exhaust the stack.
const MAX_DEPTH: usize = 256;

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// `depth` starts at 1; `number` is set for ordered lists.
    ListItem {
        depth: u8,
        number: Option<u32>,
    },
    Code {
        lang: Option<String>,
    },
    Table {
        rows: Vec<Vec<String>>,
        plain_rows: Vec<Vec<String>>,
    },
    Rule,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Blockquote nesting depth, and the outermost blockquote's element
    /// (`NO_QUOTE` outside any): blocks of one quotation join in Markdown.
    pub quote: u8,
    pub quote_of: usize,
    pub plain: String,
    pub md: String,
    /// Written inside a `<p>`: the text parts two paragraphs by a blank
    /// line, any other neighbours by a line break.
    pub in_paragraph: bool,
    /// The layout table column the block sits in (`NO_CELL` outside any;
    /// see `is_layout_column`): a page laid out in columns, its menu beside
    /// its text.
    pub layout_cell: usize,
    /// The items of lists of like items the block sits in, outermost
    /// first (see `items::like_items`): a line each of several items says
    /// is theirs.
    pub items: Vec<Item>,
    /// The innermost `<li>` the block sits in (`NONE` outside any): a
    /// paragraph, code block or table after its item's first line
    /// continues that item, and Markdown indents it to the item's text.
    pub list_item: usize,
}

/// `Block::layout_cell` outside any layout table's column.
pub const NO_CELL: usize = usize::MAX;

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
    quote_of: usize,
    lists: Vec<ListState>,
    /// Current block owner is a bad block: its own text is skipped.
    skipping: bool,
    in_pre: bool,
    /// Open `<li>` elements around the current node.
    list_items: usize,
    /// Open one-line parts (nested): a data table's cells written whole, a
    /// term written with its value. Their links are data, and a block
    /// inside them parts by a space, not a line.
    one_line_parts: usize,
    /// Bumped by every flush, so inline wrappers can tell that a block
    /// started inside them (`<a><div>..</div></a>`) and not wrap.
    flushes: usize,
    /// Emphasis markers of the inline wrappers around the current node:
    /// `<strong><b>x</b>:</strong>` marks once, not `****x**:**`.
    open_marks: Vec<&'static str>,
    /// Where the Markdown of the innermost open inline wrapper (emphasis or
    /// link) starts: a run inside it may join a run before it only above
    /// this point, as the wrapper rewrites what it wrote from there.
    wrapper_start: usize,
    /// An emphasis run just closed after punctuation, which CommonMark
    /// reads as closing only if a space or punctuation follows.
    fragile_close: Option<FragileClose>,
    /// The last thing written was a `<br>`: the next text may show it to be
    /// a hard wrap inside a sentence (see `continues_wrapped_line`).
    after_break: bool,
    /// `<p>` elements open around the current node.
    paragraph_depth: usize,
    /// The `<dd>` already written on its term's line (see `term_value`).
    written_value: usize,
    /// The layout column around the current node (see `Block::layout_cell`).
    layout_cell: usize,
    /// Whether each node is an item of a list of like items.
    like_items: Vec<bool>,
    /// Such items around the current node, outermost first.
    items: Vec<Item>,
    /// The innermost `<li>` open (`NONE` outside any).
    list_item: usize,
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
        quote_of: NO_QUOTE,
        lists: Vec::new(),
        skipping: false,
        in_pre: false,
        list_items: 0,
        one_line_parts: 0,
        flushes: 0,
        open_marks: Vec::new(),
        wrapper_start: 0,
        fragile_close: None,
        after_break: false,
        paragraph_depth: 0,
        written_value: NONE,
        layout_cell: NO_CELL,
        like_items: like_items(dom),
        items: Vec::new(),
        list_item: NONE,
    };
    for &block in &analysis.lead {
        r.walk(block, 0);
        r.flush();
    }
    for &block in std::iter::once(&analysis.region).chain(&analysis.comments) {
        r.walk(block, 0);
        r.flush();
    }
    Rendered { blocks: filters::content_blocks(r.blocks, analysis.named), images: r.images }
}

impl<'d, 'a> Renderer<'d, 'a> {
    fn walk(&mut self, i: usize, depth: usize) {
        if self.drop[i] != Drop::Keep {
            return;
        }
        if self.after_break {
            self.join_wrapped_line(i);
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
                    // (prerequisites, resources, a listing's items, a
                    // chapter's table of contents, the terms of a reference
                    // page's `<dl>`): menus were dropped or left outside by
                    // the earlier stages. So are a data table's linked
                    // cells (a team, a player, a shop's site), the parts
                    // of a term written with its value and links written
                    // as a list of names.
                    let list_entry = matches!(tag, "li" | "dt" | "dd");
                    self.skipping = self.analysis.verdict[i] == Verdict::Bad
                        && !list_entry
                        && self.list_items == 0
                        && self.one_line_parts == 0
                        && !is_list_of_names(dom, i);
                }
                if let Some(dd) = if tag == "dt" { self.term_value(i) } else { None } {
                    self.term_and_value(i, dd, depth);
                    self.skipping = saved_skip;
                    return;
                }
                match tag {
                    "dd" if i == self.written_value => {}
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        self.flush();
                        self.kind = BlockKind::Heading(tag.as_bytes()[1] - b'0');
                        self.children(i, depth);
                        self.flush();
                        // A heading left empty (its only text a dropped
                        // button) must not make the next line a heading.
                        self.kind = BlockKind::Paragraph;
                    }
                    "ul" | "ol" | "menu" => {
                        self.flush();
                        let start = e.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                        self.lists.push(ListState { ordered: tag == "ol", next: start });
                        // A list among like lists is an item of them (an
                        // API entry's parameters, an offer's conditions).
                        self.children_of_item(i, depth);
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
                        let outer_item = std::mem::replace(&mut self.list_item, i);
                        self.children(i, depth);
                        self.list_items -= 1;
                        self.flush();
                        self.list_item = outer_item;
                        self.kind = BlockKind::Paragraph;
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
                        let outer = self.quote_of;
                        if outer == NO_QUOTE {
                            self.quote_of = i;
                        }
                        self.children(i, depth);
                        self.flush();
                        self.quote_of = outer;
                        self.quote -= 1;
                    }
                    "table" => {
                        self.flush();
                        if self.options.include_tables {
                            match table_role(dom, i) {
                                TableRole::Layout => self.children(i, depth),
                                TableRole::Data { whole_cells } => self.table(i, depth, whole_cells),
                            }
                        }
                        self.flush();
                    }
                    "hr" => {
                        self.flush();
                        self.push_block(BlockKind::Rule, String::new(), "---".into());
                    }
                    "br" => {
                        if !self.plain.is_empty() && !self.plain.ends_with('\n') {
                            self.plain.push('\n');
                            self.md.push_str("  \n");
                            self.after_break = true;
                        }
                    }
                    "img" => self.image(i),
                    "a" => self.link(i, depth),
                    "strong" | "b" => self.wrap_inline(i, depth, "**"),
                    "em" | "i" => self.wrap_inline(i, depth, "*"),
                    "del" | "s" | "strike" => self.wrap_inline(i, depth, "~~"),
                    _ if is_code_tag(tag) => self.inline_code(i),
                    _ if is_block_tag(tag) => {
                        self.flush();
                        let paragraph = usize::from(tag == "p");
                        self.paragraph_depth += paragraph;
                        let outer_cell = is_layout_column(dom, i).then(|| std::mem::replace(&mut self.layout_cell, i));
                        self.children_of_item(i, depth);
                        self.paragraph_depth -= paragraph;
                        if let Some(outer) = outer_cell {
                            self.layout_cell = outer;
                        }
                    }
                    _ => self.children(i, depth),
                }
                self.skipping = saved_skip;
            }
        }
    }

    /// After a `<br>`, node `i` holds the next text: when it continues a
    /// hard-wrapped sentence, the break becomes a space. Decided here,
    /// before an inline wrapper around that text notes where its Markdown
    /// starts.
    fn join_wrapped_line(&mut self, i: usize) {
        let dom = self.dom;
        let first_text = match dom.nodes[i].kind {
            Kind::Text(t) => Some(t),
            Kind::Element(e) if is_block_tag(e.name()) || is_code_tag(e.name()) => None,
            // Only a few nodes are looked at: the text sits at once inside
            // an inline wrapper or two.
            Kind::Element(_) => dom.nodes[i + 1..dom.nodes[i].end.min(i + 1 + WRAPPED_LINE_LOOKAHEAD)].iter().find_map(|n| match n.kind {
                Kind::Text(t) if !t.trim().is_empty() => Some(t),
                _ => None,
            }),
        };
        if first_text.is_some_and(|t| t.trim().is_empty()) {
            return;
        }
        self.after_break = false;
        // The break's Markdown, unless it follows inline code (a command per line).
        let break_after_prose = self.md.strip_suffix("  \n").is_some_and(|md| !md.ends_with('`'));
        if break_after_prose && first_text.is_some_and(|t| !self.in_pre && continues_wrapped_line(&self.plain, t)) {
            self.plain.pop();
            self.plain.push(' ');
            self.md.truncate(self.md.len() - 3);
            self.md.push(' ');
        }
    }

    /// Walk the children of block element `i` and end the run, with `i`
    /// among the items around its blocks when it is one of like items.
    fn children_of_item(&mut self, i: usize, depth: usize) {
        let item = self.like_items[i] && self.items.len() < MAX_NESTED_ITEMS;
        if item {
            self.items.push(Item::of(self.dom, i));
        }
        self.children(i, depth);
        self.flush();
        if item {
            self.items.pop();
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
            self.mend_fragile_close(added.chars().next());
            push_escaped(&mut self.md, &added);
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
        // Two code elements side by side (`<kbd>Tab</kbd><kbd>Tab</kbd>`)
        // show as two boxes; run together they would be one word, and two
        // backtick spans one broken span.
        let after_code = self.md.ends_with('`');
        if !self.plain.is_empty() && !self.plain.ends_with([' ', '\n']) && (after_code || starts_after_space(self.dom, i)) {
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
        // A link written as one starts with '[' after a run's fragile close.
        if self.fragile_close.is_some() {
            let writes_link = self.options.include_links && href.is_some();
            self.mend_fragile_close(if writes_link { Some('[') } else { self.first_text_char(i) });
        }
        let start = self.md.len();
        let flushes = self.flushes;
        let enclosing_start = std::mem::replace(&mut self.wrapper_start, start);
        self.children(i, depth);
        self.wrapper_start = enclosing_start;
        if !self.options.include_links || self.flushes != flushes {
            return;
        }
        let Some(href) = href else { return };
        let inner = self.md[start..].to_string();
        let trimmed = inner.trim();
        if trimmed.is_empty() || trimmed.contains('\n') {
            return;
        }
        let (lead, trail) = edge_spaces(&inner);
        self.md.truncate(start);
        // "!" right before "[" would make the link an image.
        if lead.is_empty() && self.md.ends_with('!') && !self.md.ends_with("\\!") && self.wrapper_start < self.md.len() {
            self.md.insert(self.md.len() - 1, '\\');
        }
        self.md.push_str(&format!("{lead}[{trimmed}]({}){trail}", link_destination(href.as_str())));
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
            self.md.push_str(&format!("![{alt}]({})", link_destination(&src)));
        }
    }

    fn code_block(&mut self, i: usize) {
        let dom = self.dom;
        // A `<pre>` of several `<code>` elements holds the same example in
        // several flavours (Node.js's ES module and CommonJS versions, one
        // shown at a time): a block each, not one glued run.
        let codes: Vec<usize> = dom.nodes[i].children.iter().copied().filter(|&c| dom.tag(c) == "code").collect();
        let blocks = if codes.len() > 1 { codes } else { vec![i] };
        for block in blocks {
            // A copy button's label is no code. Only buttons: the drop pass
            // reads a highlighter's `<span class="comment">` as a comment
            // section, and an editor's `<textarea>` may hold the only copy
            // with its line breaks.
            let code = code::code_text(dom, block, |j| dom.tag(j) == "button");
            let code = code.trim_matches('\n').trim_end();
            if code.trim().is_empty() || code::is_line_number_gutter(code) {
                continue;
            }
            let lang = code::code_language(dom, block);
            self.push_block(BlockKind::Code { lang }, code.to_string(), code.to_string());
        }
    }

    /// A data table as one block; `whole_cells`: see `TableRole::Data`.
    fn table(&mut self, table: usize, depth: usize, whole_cells: bool) {
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
            for cell in row_cells(dom, tr) {
                if self.drop[cell] != Drop::Keep {
                    continue;
                }
                let (saved_plain, saved_md) = (std::mem::take(&mut self.plain), std::mem::take(&mut self.md));
                let saved_skip = std::mem::replace(&mut self.skipping, false);
                self.one_line_parts += usize::from(whole_cells);
                self.children(cell, depth + 1);
                self.one_line_parts -= usize::from(whole_cells);
                self.skipping = saved_skip;
                let plain = std::mem::replace(&mut self.plain, saved_plain);
                let md = std::mem::replace(&mut self.md, saved_md);
                plain_row.push(plain.split_whitespace().collect::<Vec<_>>().join(" "));
                row.push(output::one_line(&md).replace('|', "\\|"));
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
        self.push_block(BlockKind::Table { rows, plain_rows }, plain, String::new());
    }

    /// Add a block of `kind` in the current quotation and paragraph.
    fn push_block(&mut self, kind: BlockKind, plain: String, md: String) {
        // A heading wrapping its text in a `<p>` is still a heading.
        let in_paragraph = self.paragraph_depth > 0 && !matches!(kind, BlockKind::Heading(_));
        self.blocks.push(Block {
            kind,
            quote: self.quote,
            quote_of: self.quote_of,
            plain,
            md,
            in_paragraph,
            layout_cell: self.layout_cell,
            items: self.items.clone(),
            list_item: self.list_item,
        });
    }

    /// End the current inline run as a block of the pending kind.
    fn flush(&mut self) {
        self.flushes += 1;
        self.after_break = false;
        self.fragile_close = None;
        if self.one_line_parts > 0 {
            // A one-line part (a table cell, a term or its value): its
            // blocks part by a space.
            self.kind = BlockKind::Paragraph;
            for run in [&mut self.plain, &mut self.md] {
                if !run.is_empty() && !run.ends_with(char::is_whitespace) {
                    run.push(' ');
                }
            }
            return;
        }
        let plain = self.plain.trim();
        if is_blank(plain) && is_blank(&self.md) {
            self.plain.clear();
            self.md.clear();
            return;
        }
        let plain = plain.lines().map(str::trim).collect::<Vec<_>>().join("\n");
        let md = self.md.trim().lines().map(str::trim_start).collect::<Vec<_>>().join("\n");
        let kind = std::mem::replace(&mut self.kind, BlockKind::Paragraph);
        self.push_block(kind, plain, md);
        self.plain.clear();
        self.md.clear();
    }
}

fn starts_after_space(dom: &Dom, i: usize) -> bool {
    // Inline code usually sits between words; its own whitespace lives in
    // the surrounding text nodes, so look at the previous text.
    dom.previous_siblings(i).next().and_then(|p| dom.text(p)).is_some_and(|t| t.ends_with(char::is_whitespace))
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

fn is_code_tag(tag: &str) -> bool {
    matches!(tag, "code" | "kbd" | "samp" | "tt")
}

/// Links written one after another with commas between them and nothing
/// else ("<a>Ada Lovelace</a>, <a>Alan Turing</a>"): a paper's authors, a
/// man page's "see also", a lecture's materials. A menu does not set its
/// entries apart with commas, and a list of tags or categories comes with
/// its label ("Tags:"), which this leaves to the link-density rule.
fn is_list_of_names(dom: &Dom, block: usize) -> bool {
    let (mut links, mut commas) = (0, 0);
    for &c in &dom.nodes[block].children {
        if let Some(text) = dom.text(c) {
            match text.trim() {
                "" => {}
                "," | ", and" | "and" | "&" => commas += 1,
                _ => return false,
            }
            continue;
        }
        match dom.tag(c) {
            "a" => links += 1,
            // A name wrapped for styling: `<span class="author"><a>…</a></span>`.
            "span" if dom.find_all_in(c, "a").count() == 1 => links += 1,
            _ => return false,
        }
    }
    links >= 2 && commas >= 1
}
