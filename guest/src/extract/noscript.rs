//! `<noscript>` fallbacks written for browsers that never parse them.
//!
//! The page is parsed with scripting off, so a `<noscript>`'s markup is
//! read as elements (it holds the whole page on some sites). A browser
//! runs scripts and reads a `<noscript>` as text up to `</noscript>`, so a
//! tag-manager pixel written `<noscript><iframe src=… /></noscript>` costs
//! it nothing; parsed as markup, that `<iframe>` is left open (the `/>` of
//! a non-void element means nothing in HTML) and its raw text runs to the
//! end of the page, swallowing it. Such a frame is given its end tag.
//! This is a light scan of the markup; a page without one is unchanged.

use std::borrow::Cow;

use super::markup::{find_tag, tag_end};

/// The markup with every self-closed `<iframe/>` inside a `<noscript>` closed.
pub fn close_frames(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(start) = find_tag(bytes, at, b"<", "noscript") {
        let end = find_tag(bytes, start, b"</", "noscript").unwrap_or(bytes.len());
        let mut tag_at = start;
        while let Some(frame) = find_tag(&bytes[..end], tag_at, b"<", "iframe") {
            let close = tag_end(bytes, frame);
            if close > end {
                break;
            }
            if bytes[..close].ends_with(b"/>") {
                out.push_str(&html[copied..close]);
                out.push_str("</iframe>");
                copied = close;
            }
            tag_at = close;
        }
        at = end.max(start + 1);
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::close_frames;

    #[test]
    fn a_self_closed_frame_in_a_noscript_is_closed() {
        let page = r#"<body><NOSCRIPT><iframe src="https://tags.example/ns.html" height="0" /></NOSCRIPT><main><p>Ship today.</p></main></body>"#;
        assert_eq!(
            close_frames(page),
            r#"<body><NOSCRIPT><iframe src="https://tags.example/ns.html" height="0" /></iframe></NOSCRIPT><main><p>Ship today.</p></main></body>"#
        );
    }

    #[test]
    fn other_markup_is_left_as_it_is() {
        for page in [
            r#"<noscript><iframe src="/ns.html"></iframe></noscript><p>Text</p>"#,
            r#"<noscript><iframe title="a /> b" src="/ns.html"></iframe></noscript><p>Text</p>"#,
            r#"<iframe src="/embed" /><p>A browser reads this as the frame's text too.</p>"#,
            "<noscript><img src=/pixel.gif /></noscript><p>Text</p>",
            "<p>No fallbacks at all, and a stray <noscript",
        ] {
            assert!(matches!(close_frames(page), std::borrow::Cow::Borrowed(_)), "{page}");
        }
    }
}
