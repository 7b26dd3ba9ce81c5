//! Inline text as the walk writes it: Markdown escaping, the space where
//! two text nodes meet, prose hard-wrapped with `<br>`, text that takes no
//! space, and what a run or a link writes around its text.

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
