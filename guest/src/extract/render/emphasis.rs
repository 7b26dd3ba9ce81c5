//! Emphasis, strong and strikethrough runs as CommonMark reads them:
//! markers around what an inline wrapper wrote, runs of one emphasis
//! joined, and punctuation moved outside a marker where CommonMark would
//! not open or close one beside it.

use super::inline::edge_spaces;
use super::{BlockKind, Kind, Renderer};

/// Where an emphasis run that closed after punctuation was written: its
/// opening marker (none when it was joined to the run before it) and the
/// end of its closing marker.
pub(super) struct FragileClose {
    open: Option<usize>,
    end: usize,
    marker: &'static str,
}

impl Renderer<'_, '_> {
    /// Render children, then wrap what they added to the Markdown in
    /// `marker` (keeping surrounding spaces outside the markers).
    pub(super) fn wrap_inline(&mut self, i: usize, depth: usize, marker: &'static str) {
        // A heading is bold already: editors that wrap it in `<strong>`
        // add nothing a reader sees.
        let bold_heading = marker == "**" && matches!(self.kind, BlockKind::Heading(_));
        if self.open_marks.contains(&marker) || bold_heading {
            self.children(i, depth);
            return;
        }
        // A run of another emphasis opening right after a fragile close:
        // mended now, before this run's Markdown starts (see
        // `mend_fragile_close`). One of the same emphasis may join it.
        if let Some(closed) = self.fragile_close.as_ref().map(|run| run.marker).filter(|&m| m != marker) {
            // '*' beside '*' is one delimiter run: the text after it counts.
            let next = if marker.starts_with('*') && closed.starts_with('*') { self.first_text_char(i) } else { marker.chars().next() };
            self.mend_fragile_close(next);
        }
        let start = self.md.len();
        let flushes = self.flushes;
        self.open_marks.push(marker);
        let enclosing_start = std::mem::replace(&mut self.wrapper_start, start);
        self.children(i, depth);
        self.wrapper_start = enclosing_start;
        self.open_marks.pop();
        if self.flushes != flushes {
            return;
        }
        let inner = self.md[start..].to_string();
        let trimmed = inner.trim();
        // Emphasis on nothing but punctuation ("<em>.</em>", "<b>®</b>")
        // shows nothing and, beside another run, makes `****.*`.
        if !trimmed.chars().any(char::is_alphanumeric) {
            return;
        }
        // Emphasis cannot span a `<br>`: each line is marked on its own;
        // its spaces (the break's "  " among them) stay outside the
        // markers, and a line of nothing but punctuation ("’", "!") stays
        // unmarked, as it shows no emphasis.
        if trimmed.contains('\n') {
            self.md.truncate(start);
            let last = inner.split('\n').count() - 1;
            for (k, line) in inner.split('\n').enumerate() {
                if k > 0 {
                    self.md.push('\n');
                }
                let text = line.trim();
                if text.chars().any(char::is_alphanumeric) {
                    let (lead, trail) = (&line[..line.len() - line.trim_start().len()], &line[line.trim_end().len()..]);
                    self.write_run(lead, text, trail, marker, k == last);
                } else {
                    self.md.push_str(line);
                }
            }
            return;
        }
        let (lead, trail) = edge_spaces(&inner);
        self.md.truncate(start);
        // Right after a run with the same emphasis, or a space after it
        // (`<b>Us$</b><b>11.99</b>`, `<b>single airline</b> <b>filter</b>`),
        // the two join: "**Us$11.99**", not "**Us$****11.99**", and
        // "**single airline filter**", not "**single airline** **filter**".
        let before = &self.md[..start];
        let space = if lead.is_empty() && before.ends_with(' ') { " " } else { lead };
        let before_space = &before[..before.len() - (space.len() - lead.len())];
        let joins = before_space.strip_suffix(marker).is_some_and(|text| text.len() >= self.wrapper_start && closes_emphasis(text));
        if joins {
            // The run before loses its closing marker, fragile or not.
            self.fragile_close = None;
            self.md.truncate(before_space.len() - marker.len());
            self.md.push_str(&format!("{space}{trimmed}{marker}"));
            self.note_close(None, trimmed, trail, marker);
            self.md.push_str(trail);
        } else {
            // A run of the same emphasis that did not join the fragile
            // close before it (a link's start stood between): what follows
            // that close is this run's first character.
            if self.fragile_close.as_ref().is_some_and(|run| run.marker == marker) {
                self.mend_fragile_close(starts_after_markers(trimmed, marker));
            }
            self.write_run(lead, trimmed, trail, marker, true);
        }
    }

    /// Write `text` (no line break in it) as a run of `marker`, `lead` and
    /// `trail` outside it. CommonMark opens emphasis before punctuation
    /// only after a space or punctuation, and a marker right after another
    /// run's marker lengthens that run: "was~~$761.98~~" strikes nothing,
    /// nor does "***tannic****. Now*" emphasise. The punctuation (and a
    /// space after it) goes before the marker ("was$~~761.98~~",
    /// "***tannic***. *Now*"), or, when markup starts the run, the run is
    /// written unmarked. Likewise it closes after punctuation only before a
    /// space or punctuation, which is not written yet: when `last` (nothing
    /// of the run follows), the text that follows mends it (see
    /// `mend_fragile_close`).
    fn write_run(&mut self, lead: &str, text: &str, trail: &str, marker: &'static str, last: bool) {
        self.md.push_str(lead);
        let after_word = lead.is_empty() && (self.md.ends_with(char::is_alphanumeric) || ends_in_marker(&self.md, marker));
        let opens_on_punctuation = after_word && starts_after_markers(text, marker).is_some_and(is_punctuation);
        let (peeled, body) = if opens_on_punctuation { split_movable_punctuation(text) } else { ("", text) };
        if opens_on_punctuation && body.starts_with(is_punctuation) {
            self.md.push_str(text);
            self.md.push_str(trail);
            return;
        }
        self.md.push_str(peeled);
        let open = self.md.len();
        self.md.push_str(&format!("{marker}{body}{marker}"));
        if last {
            self.note_close(Some(open), body, trail, marker);
        }
        self.md.push_str(trail);
    }

    /// A closing marker was just written after `body`: when punctuation
    /// ends the body and no space follows in `trail`, whether CommonMark
    /// reads it as closing depends on the text to come, which mends it.
    fn note_close(&mut self, open: Option<usize>, body: &str, trail: &str, marker: &'static str) {
        if trail.is_empty() && ends_before_markers(body, marker).is_some_and(is_punctuation) {
            self.fragile_close = Some(FragileClose { open, end: self.md.len(), marker });
        }
    }

    /// Text starting with a letter or digit is about to follow a run that
    /// closed after punctuation ("…Rust?*" + "2"): the closing marker moves
    /// before the punctuation ("…Rust*?2"); when markup ends the run (a
    /// link's ")", an escape), the run's markers go, unless a wrapper
    /// opened inside the run would lose its place in the Markdown. Called
    /// where what follows is first known: text about to be written, or a
    /// wrapper about to start (before it notes where its Markdown starts,
    /// as it rewrites from there).
    pub(super) fn mend_fragile_close(&mut self, next: Option<char>) {
        let Some(run) = self.fragile_close.take() else { return };
        // The text opens a run of the same emphasis, which joins this one
        // and takes its closing marker away.
        if self.wrapper_start == run.end && self.open_marks.last() == Some(&run.marker) {
            self.fragile_close = Some(run);
            return;
        }
        if run.end != self.md.len() || !next.is_some_and(char::is_alphanumeric) || !self.md.ends_with(run.marker) {
            return;
        }
        let body_end = run.end - run.marker.len();
        let body_start = run.open.map_or(0, |o| o + run.marker.len());
        let kept = trim_movable_punctuation(&self.md[body_start..body_end]).len() + body_start;
        if kept > body_start && self.md[..kept].ends_with(char::is_alphanumeric) {
            let moved = self.md[kept..body_end].to_string();
            self.md.truncate(kept);
            self.md.push_str(run.marker);
            self.md.push_str(&moved);
        } else if let Some(open) = run.open.filter(|&o| self.wrapper_start <= o && self.md[o..].starts_with(run.marker)) {
            self.md.truncate(body_end);
            self.md.replace_range(open..open + run.marker.len(), "");
        }
    }

    /// The first character of the text inside element `i`.
    pub(super) fn first_text_char(&self, i: usize) -> Option<char> {
        let nodes = &self.dom.nodes;
        nodes[i + 1..nodes[i].end].iter().find_map(|n| match n.kind {
            Kind::Text(t) => t.chars().next(),
            _ => None,
        })
    }
}

/// Whether Markdown ending in `text` can close an emphasis there: the
/// marker would follow a character that is neither space, another marker
/// nor an escape ("5 * 3 " and "\\*" end in no emphasis).
fn closes_emphasis(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| !c.is_whitespace() && c != '*' && c != '\\')
}

/// Punctuation as CommonMark's emphasis rules count it: any character
/// neither a letter, a digit nor a space (symbols included).
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Spaces, and punctuation that is only text: moving them across an
/// emphasis marker changes no other Markdown (unlike an escape, a code
/// span's backtick, a link's brackets, another marker). A '(' is text (a
/// link starts with '['); a ')' may end a link and is looked at in place.
fn is_movable(c: char) -> bool {
    c.is_whitespace() || (is_punctuation(c) && !matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | ')' | '~' | '<' | '>'))
}

/// `md` split after its leading movable punctuation and the spaces among it.
fn split_movable_punctuation(md: &str) -> (&str, &str) {
    let body = md.trim_start_matches(is_movable);
    (&md[..md.len() - body.len()], body)
}

/// `md` without its trailing movable punctuation and the spaces among it:
/// not an escape's character, nor the ')' that ends a link.
fn trim_movable_punctuation(md: &str) -> &str {
    let mut kept = md;
    while let Some(c) = kept.chars().next_back() {
        let rest = &kept[..kept.len() - c.len_utf8()];
        let movable = match c {
            ')' => !ends_link_destination(rest),
            c => is_movable(c),
        };
        if !movable || rest.ends_with('\\') {
            break;
        }
        kept = rest;
    }
    kept
}

/// Whether `md` ends inside a link's destination, "](" and then a URL
/// (written without spaces or parentheses, see `link_destination`).
fn ends_link_destination(md: &str) -> bool {
    md.rfind("](").is_some_and(|at| !md[at + 2..].contains([' ', '(', ')']))
}

/// `md` without the markers of `marker`'s kind it ends with: beside a
/// marker of the same character they make one delimiter run ('*' and
/// '**'; '~~'). An escaped '*' and a lone '~' are text.
fn trim_end_markers<'m>(md: &'m str, marker: &str) -> &'m str {
    let unit = delimiter_unit(marker);
    let mut kept = md;
    while let Some(rest) = kept.strip_suffix(unit) {
        if rest.ends_with('\\') {
            break;
        }
        kept = rest;
    }
    kept
}

/// Whether Markdown ends in a marker of `marker`'s kind.
fn ends_in_marker(md: &str, marker: &str) -> bool {
    trim_end_markers(md, marker).len() < md.len()
}

/// The first character after the markers of `marker`'s kind that `md`
/// starts with: what follows the delimiter run decides whether it opens.
fn starts_after_markers(md: &str, marker: &str) -> Option<char> {
    md.trim_start_matches(delimiter_unit(marker)).chars().next()
}

/// What a delimiter run of `marker`'s kind is made of: '*' for emphasis
/// and strong, '~~' pairs for strikethrough.
fn delimiter_unit(marker: &str) -> &'static str {
    if marker.starts_with('~') {
        "~~"
    } else {
        "*"
    }
}

/// The last character before the markers of `marker`'s kind that `md`
/// ends with: what precedes the delimiter run decides whether it closes.
fn ends_before_markers(md: &str, marker: &str) -> Option<char> {
    trim_end_markers(md, marker).chars().next_back()
}
