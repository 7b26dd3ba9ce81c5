//! A definition list's term and its short value written as one line
//! ("Weight: 58 lb."), as a reader reads a spec list.

use super::tables::holds;
use super::Renderer;
use crate::extract::clean::Drop;

/// A definition list's term longer than this (chars) is a heading of its
/// own; a value longer than `TERM_VALUE_MAX_CHARS` is a paragraph.
const TERM_MAX_CHARS: usize = 80;
const TERM_VALUE_MAX_CHARS: usize = 200;
/// Elements that make a term or its value more than one line.
const TERM_VALUE_BREAKING_TAGS: &[&str] = &["p", "br", "pre", "table", "dl", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"];

impl Renderer<'_, '_> {
    /// The `<dd>` right after the term `dt` when both are short lines of
    /// inline text (a spec list's "Weight" and "58 lb."), to be written as
    /// one line, "Weight: 58 lb.", as a reader reads them. A definition of
    /// paragraphs or lists, or a bare link (an image's address a filter
    /// drops alone), stays a block of its own.
    pub(super) fn term_value(&self, dt: usize) -> Option<usize> {
        let dom = self.dom;
        let dd = dom.next_element_sibling(dt)?;
        if dom.tag(dd) != "dd" || self.drop[dd] != Drop::Keep {
            return None;
        }
        let one_line = |e: usize, max_chars: usize| {
            let text = dom.collapsed_text(e);
            let words = text.split_whitespace().count();
            words > 0 && text.chars().count() <= max_chars && !(words == 1 && text.contains("://")) && !holds(dom, e, TERM_VALUE_BREAKING_TAGS)
        };
        (one_line(dt, TERM_MAX_CHARS) && one_line(dd, TERM_VALUE_MAX_CHARS)).then_some(dd)
    }

    /// A term and its value as one line: "Term: value" (no second colon
    /// after a term that has one).
    pub(super) fn term_and_value(&mut self, dt: usize, dd: usize, depth: usize) {
        self.flush();
        // A block inside either part (a `<div>` around the label) parts
        // by a space, not a line.
        self.one_line_parts += 1;
        self.children(dt, depth);
        for run in [&mut self.plain, &mut self.md] {
            let term_end = run.trim_end().len();
            run.truncate(term_end);
            run.push_str(if run.ends_with(':') { " " } else { ": " });
        }
        self.children(dd, depth);
        self.one_line_parts -= 1;
        self.flush();
        self.written_value = dd;
    }
}
