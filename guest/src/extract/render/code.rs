//! The language of a code block, for the Markdown fence, from the class
//! names highlighters put on the `<pre>`, its `<code>` or their wrappers;
//! and the line-number column some of them lay out as a `<pre>` of its own.

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
