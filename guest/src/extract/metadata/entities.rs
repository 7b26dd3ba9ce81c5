//! HTML character references left in declared values (and in the XML
//! of sitemaps and feeds, and a meta refresh's URL).

/// Named entities still escaped in declared values (`content="Tom &amp;amp;
/// Jerry"`, or JSON-LD written with HTML escapes).
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("quot", "\""),
    ("apos", "'"),
    ("lt", "<"),
    ("gt", ">"),
    ("nbsp", " "),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
];

/// Longest reference name looked for ("#x10FFFF", "hellip").
const MAX_REFERENCE_LEN: usize = 10;

/// Decode HTML character references left in a declared value: the named
/// ones above and numeric ones (`&#39;`, `&#x1F62D;`; an impossible code
/// point becomes U+FFFD, as in HTML). Anything else stays as written.
pub(crate) fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // References are short: look for the ';' only a few bytes ahead, so
        // a value of a million '&'s stays linear.
        let reference = rest.as_bytes()[1..].iter().take(MAX_REFERENCE_LEN + 1).position(|&b| b == b';').map(|n| &rest[1..1 + n]);
        let decoded = reference.and_then(|name| {
            if let Some(number) = name.strip_prefix('#') {
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).unwrap_or(u32::MAX),
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse().unwrap_or(u32::MAX),
                    _ => return None,
                };
                Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}').to_string())
            } else {
                NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            }
        });
        match (reference, decoded) {
            (Some(name), Some(text)) => {
                out.push_str(&text);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
