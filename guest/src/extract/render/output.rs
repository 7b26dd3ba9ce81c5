//! Writing the blocks out: plain text and GitHub-flavoured Markdown.

use super::filters::{is_currency, LABEL_LINE_MAX_LEN};
use super::{Block, BlockKind};
use crate::extract::dom::NONE;

/// Plain text: one block per line (table rows and wrapped lines aside), a
/// blank line between two paragraphs; a heading on its own line directly
/// above what it heads ("Pricing\nFrom $9 a month"); a label and its value,
/// an item and its price on one line (see `shares_line`).
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    let mut list_depth = ListDepth::default();
    for b in blocks {
        let is_list = matches!(b.kind, BlockKind::ListItem { .. });
        if matches!(b.kind, BlockKind::Rule) || b.plain.is_empty() {
            continue;
        }
        if let Some(prev) = prev {
            // Only two paragraphs are a blank line apart; a heading and its
            // text, list items, a `<div>`'s text sit on consecutive lines,
            // as a page copied from a browser mostly reads.
            let prev_list = matches!(prev.kind, BlockKind::ListItem { .. });
            out.push_str(if shares_line(prev, b) {
                " "
            } else if prev.in_paragraph && b.in_paragraph && !(is_list && prev_list) {
                "\n\n"
            } else {
                "\n"
            });
        }
        if !is_list {
            list_depth.end();
        }
        match &b.kind {
            BlockKind::ListItem { depth, number } => {
                out.push_str(&"  ".repeat(list_depth.of(*depth) - 1));
                match number {
                    Some(n) => out.push_str(&format!("{n}. ")),
                    None => out.push_str("- "),
                }
                out.push_str(&b.plain);
            }
            _ => out.push_str(&b.plain),
        }
        prev = Some(b);
    }
    out
}

/// A label's value is at most this long (bytes).
const LABEL_VALUE_MAX_LEN: usize = 60;
/// A price line is at most this long (bytes): "$1,299.95", "From $99".
const PRICE_MAX_LEN: usize = 20;

/// Two one-line texts outside paragraphs that a page shows as one line in
/// two boxes: a label and its value ("Condition:" and "not specified") or
/// an item and its price ("Petzl Tikkina Headlamp" and "$19.95"), the item
/// maybe a card in a list.
fn shares_line(prev: &Block, b: &Block) -> bool {
    let one_line = |b: &Block| !b.in_paragraph && !b.plain.contains('\n');
    if b.kind != BlockKind::Paragraph || !one_line(b) || !one_line(prev) {
        return false;
    }
    // An item's name has letters, no price, and is not a sentence.
    let names_an_item = |text: &str| text.chars().any(char::is_alphabetic) && !text.chars().any(is_currency) && !ends_sentence(text);
    // The price test is bounded (a short line); the name test reads the whole previous line.
    let item_and_price = is_price(&b.plain) && names_an_item(&prev.plain);
    match prev.kind {
        BlockKind::Paragraph => {
            let label_and_value = prev.plain.ends_with(':') && prev.plain.len() <= LABEL_LINE_MAX_LEN && b.plain.len() <= LABEL_VALUE_MAX_LEN;
            label_and_value || item_and_price
        }
        BlockKind::ListItem { .. } => item_and_price,
        _ => false,
    }
}

/// Text ending in a full stop after a word, not an abbreviation ("fl. oz.",
/// "0.08 ct."): a feature or a notice, where an item's name has none.
fn ends_sentence(text: &str) -> bool {
    text.strip_suffix('.')
        .and_then(|t| t.split_whitespace().last())
        .is_some_and(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= SENTENCE_END_WORD_MIN)
}

/// Letters of the last word of a sentence; shorter ones end abbreviations.
const SENTENCE_END_WORD_MIN: usize = 4;

/// A line that is a price: a number and a currency sign, in a word or two.
fn is_price(text: &str) -> bool {
    text.len() <= PRICE_MAX_LEN && text.split_whitespace().count() <= 2 && text.chars().any(is_currency) && text.chars().any(|c| c.is_ascii_digit())
}

/// List items' depth counted from the outermost item of their list: a
/// list whose outer items were left out (a thread's replies, a menu's
/// submenu) starts at the margin, where four columns of indent after a
/// paragraph would make Markdown read it as a code block.
#[derive(Default)]
struct ListDepth {
    outermost: usize,
}

impl ListDepth {
    /// The depth to write an item of `depth` (1 for the outermost) at.
    fn of(&mut self, depth: u8) -> usize {
        let depth = depth.max(1) as usize;
        if self.outermost == 0 || depth < self.outermost {
            self.outermost = depth;
        }
        depth - self.outermost + 1
    }

    /// A block that is not a list item ends the list.
    fn end(&mut self) {
        self.outermost = 0;
    }
}

/// A heading or table cell broken by `<br>` as one line: neither can span
/// lines in Markdown, and the break's trailing-space marker must not pile
/// up spaces.
pub(super) fn one_line(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// GitHub-flavoured Markdown of the blocks.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev_list = false;
    // The open list items, outermost first: each one's `<li>` and the
    // column its text starts at. A nested item is indented to its parent's
    // text ("3. " is three columns, "10. " four), or CommonMark reads it as
    // a sibling list; so is a paragraph that continues an item, or it ends
    // the list.
    let mut open_items: Vec<(usize, usize)> = Vec::new();
    // The quotation the open list items sit in.
    let mut list_quote_of = super::NO_QUOTE;
    let mut list_depth = ListDepth::default();
    let mut prev_quote = 0;
    let mut prev_quote_of = super::NO_QUOTE;
    for b in blocks {
        let is_list = matches!(b.kind, BlockKind::ListItem { .. });
        // The open item this block continues, if it is not an item itself.
        let continued = if is_list { None } else { open_items.iter().rposition(|&(item, _)| item == b.list_item && item != NONE) };
        match continued {
            Some(at) => open_items.truncate(at + 1),
            None if !is_list => {
                open_items.clear();
                list_depth.end();
            }
            None => {}
        }
        let body = match &b.kind {
            BlockKind::Paragraph => escape_line_starts(&b.md),
            BlockKind::Heading(level) => format!("{} {}", "#".repeat(*level as usize), heading_text(&b.md)),
            BlockKind::ListItem { depth, number } => {
                // A list inside a quotation inside a list (or the list
                // resumed after it) starts afresh: the `>` at the margin
                // ended the outer list, and its indent would make the
                // quoted items code.
                if b.quote_of != list_quote_of {
                    open_items.clear();
                    list_depth.end();
                    list_quote_of = b.quote_of;
                }
                let depth = list_depth.of(*depth);
                open_items.truncate(depth - 1);
                while open_items.len() < depth - 1 {
                    // A level the page skipped (a list directly in a list):
                    // two columns past the item written above it, however
                    // many levels were skipped; four would make it code.
                    let written = open_items.iter().rev().find(|&&(item, _)| item != NONE).map_or(0, |&(_, column)| column);
                    let parent = open_items.last().map_or(0, |&(_, column)| column);
                    open_items.push((NONE, (parent + 2).min(written + 2)));
                }
                let indent = " ".repeat(open_items.last().map_or(0, |&(_, column)| column));
                let marker = number.map_or_else(|| "-".to_string(), |n| format!("{n}."));
                open_items.push((b.list_item, indent.len() + marker.len() + 1));
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
        let indent = " ".repeat(continued.map_or(0, |at| open_items[at].1));
        if !out.is_empty() {
            let quoted_run = if b.quote_of == prev_quote_of { b.quote.min(prev_quote) } else { 0 };
            if is_list && prev_list {
                out.push('\n');
            } else if quoted_run > 0 {
                // Blocks of one quotation stay one blockquote: the blank
                // line between them keeps its `>`.
                out.push('\n');
                out.push_str(&indent);
                out.push_str("> ".repeat(quoted_run as usize).trim_end());
                out.push('\n');
            } else {
                out.push_str("\n\n");
            }
        }
        if b.quote == 0 && indent.is_empty() {
            out.push_str(&body);
        } else {
            let prefix = "> ".repeat(b.quote as usize);
            // A quoted line loses its trailing spaces (a hard break's marker
            // would pile up after the `>`); a blank line stays blank.
            let lines: Vec<String> = body
                .split('\n')
                .map(|l| match () {
                    _ if b.quote > 0 => format!("{indent}{prefix}{l}").trim_end().to_string(),
                    _ if l.trim().is_empty() => String::new(),
                    _ => format!("{indent}{l}"),
                })
                .collect();
            out.push_str(&lines.join("\n"));
        }
        prev_list = is_list;
        prev_quote = b.quote;
        prev_quote_of = b.quote_of;
    }
    out
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
        } else if is_rule_or_underline(line.trim_end()) {
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

/// A line of three or more '-' or '=' (trailing spaces, such as a hard
/// break's, aside): a thematic break, or the underline of a setext heading.
fn is_rule_or_underline(line: &str) -> bool {
    line.len() >= 3 && (line.bytes().all(|b| b == b'-') || line.bytes().all(|b| b == b'='))
}

/// A heading's text as an ATX heading writes it: a closing run of '#'
/// after a space ("Part #") would be read as the heading's closing
/// sequence and dropped.
fn heading_text(md: &str) -> String {
    let line = one_line(md);
    let body = line.trim_end_matches('#');
    if body.len() < line.len() && (body.is_empty() || body.ends_with(' ')) {
        format!("{body}\\{}", &line[body.len()..])
    } else {
        line
    }
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
