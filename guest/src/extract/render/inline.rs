//! Inline text as the walk writes it: Markdown escaping, the space where
//! two text nodes meet, prose hard-wrapped with `<br>`, emphasis markers
//! on a broken line, text that takes no space, and what a run or a link
//! writes around its text.

/// Characters that take no space: a paragraph of nothing else (Webflow
/// spaces sections with `<p>&zwj;</p>`) is empty. Inside text they stay:
/// they join emoji and shape scripts.
const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'];

pub(super) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || INVISIBLE.contains(&c))
}

/// Escape the characters that would start Markdown syntax inside text.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    for (at, ch) in text.char_indices() {
        let syntax = match ch {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' => true,
            // '#' and '>' matter only at a line start.
            '#' | '>' => out.is_empty() || out.ends_with('\n'),
            // Two or more tildes strike through, three open a code fence;
            // one ("~5 minutes") is text.
            '~' => out.ends_with('~') || text[at + 1..].starts_with('~'),
            // A character reference spelled out in the page's text
            // ("&lt;script&gt;" shown as such) stays text.
            '&' => starts_reference(&text[at..]),
            _ => false,
        };
        if syntax {
            out.push('\\');
        }
        out.push(ch);
    }
}

/// Whether `text` starts with what Markdown reads as a character
/// reference: "&", a name or "#" and digits, ";".
fn starts_reference(text: &str) -> bool {
    let body = &text[1..];
    let name_len = body.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    name_len > 0 && body[name_len..].starts_with(';')
}

/// Two text nodes meet only across an element boundary. A lowercase
/// letter running into a capital there ("Hyperlite Mountain Gear" +
/// "Southwest 55 Pack", a brand and a name laid out as separate lines) is
/// two words the page's CSS keeps apart; a drop cap ("W" + "EIGHT") or a
/// styled syllable are not touched. Digits and punctuation were tried
/// too: no dev page gained.
pub(super) fn glued_at_element_boundary(before: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), next.chars().next()) else { return false };
    last.is_lowercase() && first.is_uppercase()
}

/// Prose hard-wrapped with `<br>` (pasted from an editor or an e-mail at
/// 70 columns) breaks mid-sentence: a long line ending in a lowercase word
/// or a comma, continued by a lowercase word. Such a break is a space; a
/// short line (a list or an address written with breaks) keeps its break,
/// and so do URLs and code, which are not words.
pub(super) fn continues_wrapped_line(before: &str, next: &str) -> bool {
    let Some(line) = before.strip_suffix('\n') else { return false };
    // Only the line's tail is looked at: joined lines grow without bound.
    let long_enough = line.chars().rev().take(WRAPPED_LINE_MIN_CHARS).take_while(|&c| c != '\n').count() == WRAPPED_LINE_MIN_CHARS;
    let last_word: String = {
        let mut w: Vec<char> = line.chars().rev().take(MAX_WORD_CHARS + 1).take_while(|&c| c != ' ' && c != '\n').collect();
        w.reverse();
        w.into_iter().collect()
    };
    let is_word = |w: &str| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-');
    let ends_in_lowercase = last_word.chars().next_back().is_some_and(|c| c.is_lowercase() || c == ',');
    let first_word = next.split_whitespace().next().unwrap_or("").trim_end_matches([',', '.', ';', ':']);
    long_enough && ends_in_lowercase && is_word(last_word.trim_end_matches(',')) && is_word(first_word) && first_word.starts_with(char::is_lowercase)
}

/// Longer runs of letters are not words (and not looked through).
const MAX_WORD_CHARS: usize = 40;

/// Nodes looked into for the text after a `<br>`.
pub(super) const WRAPPED_LINE_LOOKAHEAD: usize = 8;

/// Shorter lines broken by `<br>` are taken to be broken on purpose: verse,
/// addresses, design line breaks in a hero.
const WRAPPED_LINE_MIN_CHARS: usize = 45;

/// One line of an emphasised run broken by `<br>`, marked; its spaces
/// (the break's "  " marker among them) stay outside the markers.
pub(super) fn mark_line(line: &str, marker: &str) -> String {
    let text = line.trim();
    if text.is_empty() {
        return line.to_string();
    }
    let lead = &line[..line.len() - line.trim_start().len()];
    let trail = &line[line.trim_end().len()..];
    format!("{lead}{marker}{text}{marker}{trail}")
}

/// The whitespace a run had at its start and end, to write outside its
/// markers: a line break (a `<br>` at the edge of `<em>` or `<a>`) stays a
/// Markdown hard break, any other whitespace one space.
pub(super) fn edge_spaces(inner: &str) -> (&'static str, &'static str) {
    let space = |ws: &str| match ws {
        "" => "",
        ws if ws.contains('\n') => "  \n",
        _ => " ",
    };
    (space(&inner[..inner.len() - inner.trim_start().len()]), space(&inner[inner.trim_end().len()..]))
}

/// A URL as a Markdown link destination: spaces and parentheses
/// percent-encoded, as an unbalanced "(" or ")" ends the destination early
/// ("/wiki/Louis_Renault_(jurist)" in a link, "…2019%20(2" in a text fragment).
pub(super) fn link_destination(url: &str) -> String {
    url.replace(' ', "%20").replace('(', "%28").replace(')', "%29")
}

/// Punctuation as CommonMark's emphasis rules count it: any character
/// neither a letter, a digit nor a space (symbols included).
pub(super) fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Punctuation that is only text: moving it across an emphasis marker
/// changes no other Markdown (unlike an escape, a code span's backtick, a
/// link's brackets, another marker). Parentheses are looked at in place.
fn is_movable(c: char) -> bool {
    is_punctuation(c) && !matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '~' | '<' | '>')
}

/// `md` split after its leading movable punctuation and the spaces among
/// it; an opening parenthesis there is text (a link starts with '[').
pub(super) fn split_movable_punctuation(md: &str) -> (&str, &str) {
    let body = md.trim_start_matches(|c: char| is_movable(c) || c == '(' || c.is_whitespace());
    (&md[..md.len() - body.len()], body)
}

/// `md` without its trailing movable punctuation and the spaces among it:
/// not an escape's character, nor the ')' that ends a link ('(' is text).
pub(super) fn trim_movable_punctuation(md: &str) -> &str {
    let mut kept = md;
    while let Some(c) = kept.chars().next_back() {
        let rest = &kept[..kept.len() - c.len_utf8()];
        let movable = match c {
            ')' => !ends_link_destination(rest),
            c => is_movable(c) || c == '(' || c.is_whitespace(),
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

/// Emphasis and strikethrough markers: a run's own, or a nested run's.
const MARKER_CHARS: [char; 2] = ['*', '~'];

/// Whether Markdown ends in a marker (not an escaped '*' or '~').
pub(super) fn ends_in_marker(md: &str) -> bool {
    let kept = md.trim_end_matches(MARKER_CHARS);
    kept.len() < md.len() && !kept.ends_with('\\')
}

/// The first character after the markers `md` starts with: beside the
/// run's own marker they make one delimiter run, and what follows it
/// decides whether it opens.
pub(super) fn starts_after_markers(md: &str) -> Option<char> {
    md.trim_start_matches(MARKER_CHARS).chars().next()
}

/// The last character before the markers `md` ends with (an escaped '*'
/// is text, not a marker).
pub(super) fn ends_before_markers(md: &str) -> Option<char> {
    let kept = md.trim_end_matches(MARKER_CHARS);
    if kept.ends_with('\\') {
        md[kept.len()..].chars().next()
    } else {
        kept.chars().next_back()
    }
}
