//! The language of a code block, for the Markdown fence, from the class
//! names highlighters put on the `<pre>`, its `<code>` or their wrappers;
//! and the line-number column some of them lay out as a `<pre>` of its own
//! or write at the start of every line.

use crate::extract::dom::Dom;

/// Wrapper elements above a `<pre>` searched for its language class.
const CODE_WRAPPER_DEPTH: usize = 2;

/// Language names taken from a bare class on the `<pre>` or `<code>`
/// itself (rustdoc's `<pre class="rust">`, highlight.js's `<code
/// class="hljs python">`); anything else bare is a style class.
const BARE_LANGUAGES: &[&str] = &[
    "bash", "c", "cpp", "csharp", "css", "go", "html", "java", "javascript", "js", "json", "kotlin", "php", "python", "ruby", "rust", "scala", "shell", "sh",
    "sql", "swift", "toml", "ts", "typescript", "xml", "yaml",
];

/// Language of a code block from `class="language-x"`, `lang-x`,
/// `highlight-x`, `brush: x` or a bare language name on the `<pre>` or its
/// `<code>`, or from a prefixed class on the wrappers just above the
/// `<pre>` (Sphinx writes `<div class="highlight-python3"><div
/// class="highlight"><pre>`, GitHub `<div class="highlight
/// highlight-source-rust"><pre>`).
pub(super) fn code_language(dom: &Dom, pre: usize) -> Option<String> {
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

/// A `<pre>` holding nothing but the numbers 1, 2, 3… one per line (just
/// "1" beside a one-line snippet): the gutter Chroma, Pygments and others
/// set beside the code in a table.
pub(super) fn is_line_number_gutter(code: &str) -> bool {
    let mut lines = 0u32;
    for line in code.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if line.parse::<u32>().ok() != Some(lines) {
            return false;
        }
    }
    lines > 0
}

/// The code of a `<pre>`, without line numbers written inside it.
///
/// Some highlighters start every line with its number in an element of
/// its own (`<span>1</span><div>composer install</div>`) that CSS sets
/// apart; the text alone glues it to the code ("1composer install").
/// Numbers are that column only when every line starts with its own
/// number, 1, 2, 3…, each a whole text node: "1. Open the file" or a
/// data file that numbers its rows in the text stays as written.
/// Elements `left_out` names (a copy button) are not code.
pub(super) fn code_text(dom: &Dom, pre: usize, left_out: impl Fn(usize) -> bool) -> String {
    // The text as lines of pieces: (text, whether it is a whole text node).
    let mut lines: Vec<Vec<(&str, bool)>> = vec![Vec::new()];
    for j in dom.shown_nodes(pre, left_out) {
        if dom.tag(j) == "br" {
            lines.push(Vec::new());
            continue;
        }
        let Some(text) = dom.text(j) else { continue };
        for (k, piece) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            let whole = !piece.trim().is_empty() && piece.trim() == text.trim();
            lines.last_mut().expect("never empty").push((piece, whole));
        }
    }
    without_line_numbers(&lines)
}

/// Fewer lines than this cannot tell a column of numbers from code.
const LINE_NUMBERS_MIN_LINES: usize = 2;

/// The lines joined, their leading numbers left out when every line
/// (blank lines at either end aside) starts with its own number as a piece
/// of its own (see `code_text`).
fn without_line_numbers(lines: &[Vec<(&str, bool)>]) -> String {
    let blank = |line: &Vec<(&str, bool)>| line.iter().all(|(piece, _)| piece.trim().is_empty());
    let first = lines.iter().position(|l| !blank(l)).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !blank(l)).map_or(first, |last| last + 1);
    let numbered = end - first >= LINE_NUMBERS_MIN_LINES
        && lines[first..end].iter().enumerate().all(|(k, line)| {
            let mut pieces = line.iter().filter(|(piece, _)| !piece.trim().is_empty());
            pieces.next().is_some_and(|&(piece, whole)| whole && piece.trim() == (k + 1).to_string())
        });
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        // The number is the line's first non-blank piece; what stood before
        // it is indentation of the markup, not of the code.
        let skip = if numbered && (first..end).contains(&k) { line.iter().position(|(piece, _)| !piece.trim().is_empty()).map_or(0, |at| at + 1) } else { 0 };
        for (piece, _) in &line[skip..] {
            out.push_str(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(pre: &str) -> String {
        let parsed = crate::extract::parse(&format!("<html><body>{pre}</body></html>"));
        let dom = Dom::new(&parsed);
        let pre = dom.find("pre").expect("a pre");
        code_text(&dom, pre, |_| false)
    }

    #[test]
    fn line_numbers_written_in_the_code_are_left_out() {
        let numbered = "<pre><div><span class=n>1</span><div><span>composer</span> <span>require twilio/sdk</span>\n</div></div>\
            <div><span class=n>2</span><div>composer install</div></div>\n<div><span class=n>3</span></div>\n<div><span class=n>4</span><div>  exit</div></div></pre>";
        assert_eq!(code_of(numbered), "composer require twilio/sdk\ncomposer install\n\n  exit");
        // Numbers in the text itself, or not counting every line, are code.
        assert_eq!(code_of("<pre>1 apple\n2 pear</pre>"), "1 apple\n2 pear");
        assert_eq!(code_of("<pre><span>1</span>x = 1\n<span>3</span>y = 2</pre>"), "1x = 1\n3y = 2");
        assert_eq!(code_of("<pre><span>1</span>print()</pre>"), "1print()");
        assert_eq!(code_of("<pre><code>a\n<b>b</b><br>c</code></pre>"), "a\nb\nc");
    }
}
