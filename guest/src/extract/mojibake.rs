//! Text decoded twice: UTF-8 read as Latin-1 or Windows-1252 and saved
//! again ("Investorâ€™s", "dÃ©tente", "NOMADÂ®"). Pages come like that when a
//! crawler or a CMS guessed the wrong charset. Each run of characters that
//! spells one UTF-8 sequence in those code pages is decoded back; anything
//! else is left alone. A real word almost never holds such a run ("Ã"
//! followed by "©"), so the repair is safe on text that needs none.
//!
//! Some CMSs escape the broken text before saving it, so the run comes as
//! character references ("&acirc;&euro;&trade;"): those are written out
//! as characters first (`spell_out_references`), then repaired alike.

use std::borrow::Cow;

/// Windows-1252's characters for bytes 0x80–0x9F (where Latin-1 has C1
/// controls), as a double decode leaves them; the five unassigned bytes
/// come through as the C1 controls themselves.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// Sequences that only a double decode writes (see `is_telltale`) a text
/// must hold before any is repaired: a French "été »" (é, no-break space,
/// ») spells a valid sequence too, but nothing else on its page does.
const MIN_TELLTALES: usize = 2;

/// `text` with every doubly decoded character repaired; borrowed when
/// nothing needed it (the usual case).
pub fn repair(text: &str) -> Cow<'_, str> {
    let fixes = sequences(text);
    if fixes.iter().filter(|f| f.telltale).count() < MIN_TELLTALES {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for fix in fixes {
        out.push_str(&text[copied..fix.start]);
        out.push(fix.char);
        copied = fix.end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// `html` with every run of adjacent character references that spells a
/// doubly decoded sequence written out as its characters, ready for
/// `repair`; borrowed when there is none (the usual case). Only runs of
/// Latin-1 and Windows-1252 characters are touched, so no markup
/// character (`<`, `&`, a quote) is ever unescaped.
pub fn spell_out_references(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(offset) = memchr::memchr(b'&', &bytes[from..]) {
        let start = from + offset;
        let mut end = start;
        let mut spelled = String::new();
        while let Some((c, len)) = reference_at(&html[end..]).filter(|&(c, _)| sequence_len(c).is_some() || continuation_byte(c).is_some()) {
            spelled.push(c);
            end += len;
        }
        from = if end > start { end } else { start + 1 };
        if sequences(&spelled).is_empty() {
            continue;
        }
        out.push_str(&html[copied..start]);
        out.push_str(&spelled);
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The character a reference at the start of `text` stands for ("&euro;",
/// "&#226;", "&#x80;") and the reference's length. Numeric references to
/// 0x80–0x9F mean Windows-1252's characters, as a browser reads them.
fn reference_at(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix('&')?;
    // Bounded, so a page of bare "&"s is not scanned to its end from each.
    let end = body.bytes().take(LONGEST_REFERENCE).position(|b| b == b';')?;
    let name = &body[..end];
    let len = end + 2;
    let code = if let Some(number) = name.strip_prefix('#') {
        match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        }
    } else {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let &(code, second) = html5ever::data::NAMED_ENTITIES.get(&body[..=end])?;
        if second != 0 {
            return None;
        }
        code
    };
    let c = match code {
        0x80..=0x9F => html5ever::data::C1_REPLACEMENTS[(code - 0x80) as usize].unwrap_or(char::from_u32(code)?),
        _ => char::from_u32(code)?,
    };
    Some((c, len))
}

/// Longer than any named reference ("&CounterClockwiseContourIntegral;")
/// or a number a character can have.
const LONGEST_REFERENCE: usize = 40;

/// One run of characters that spells a UTF-8 sequence.
struct Fix {
    start: usize,
    end: usize,
    char: char,
    /// A run real text never holds: a C1 control or a Windows-1252
    /// punctuation mark inside a word ("â€™"), or "Â"/"Ã" before a Latin-1
    /// symbol or letter ("Â®", "Ã©").
    telltale: bool,
}

fn sequences(text: &str) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    // Lead characters U+00C2..=U+00F4 are the bytes C3 82..=C3 B4 in UTF-8:
    // jump between them rather than walk every character.
    while let Some(offset) = memchr::memchr(0xC3, &bytes[from..]) {
        let start = from + offset;
        from = start + 1;
        let Some(lead) = text.get(start..).and_then(|t| t.chars().next()) else { continue };
        let Some(len) = sequence_len(lead) else { continue };
        let mut utf8 = [lead as u8, 0, 0, 0];
        let mut end = start + lead.len_utf8();
        let mut telltale = matches!(lead, 'Â' | 'Ã');
        let mut following = text[end..].chars();
        let complete = utf8.iter_mut().take(len).skip(1).all(|slot| {
            let Some(byte) = following.next().and_then(|next| {
                end += next.len_utf8();
                continuation_byte(next)
            }) else {
                return false;
            };
            *slot = byte;
            telltale |= (0x80..=0x9F).contains(&byte);
            true
        });
        // from_utf8 also refuses overlong forms and surrogates.
        let Some(char) = complete.then(|| std::str::from_utf8(&utf8[..len]).ok()).flatten().and_then(|s| s.chars().next()) else { continue };
        fixes.push(Fix { start, end, char, telltale });
        from = end;
    }
    fixes
}

/// The length of the UTF-8 sequence a lead byte read as a Latin-1
/// character starts.
fn sequence_len(c: char) -> Option<usize> {
    match c as u32 {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The continuation byte (0x80–0xBF) a character stands for, in Latin-1 or
/// Windows-1252.
fn continuation_byte(c: char) -> Option<u8> {
    match c as u32 {
        n @ 0x80..=0xBF => Some(n as u8),
        _ => CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|&(_, b)| b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubly_decoded_text_is_repaired() {
        // Windows-1252 and Latin-1 readings of ’, —, é, ®, ✓ and an emoji.
        assert_eq!(repair("Investorâ€™s guide â€” dÃ©tente, NOMADÂ® â\u{9c}\u{93} ðŸ˜€"), "Investor’s guide — détente, NOMAD® ✓ 😀");
        assert_eq!(repair("A DIY Investorâ\u{80}\u{99}s Guide to IRAs â\u{80}\u{94} and more"), "A DIY Investor’s Guide to IRAs — and more");
        // On such a page the weaker runs are repaired too: Cyrillic "Ðµ" is е.
        assert_eq!(repair("Ð\u{9f}Ñ\u{80}Ð¸Ð²ÐµÑ\u{82}"), "Привет");
    }

    #[test]
    fn doubly_decoded_references_are_spelled_out() {
        // Named, decimal and hex forms of "â€™" and "Ã©"; C1 numbers mean Windows-1252.
        let html = "<p>AI&acirc;&euro;&trade;s caf&Atilde;&copy; &#226;&#128;&#148; d&#xC3;&#xA9;j&agrave;</p>";
        assert_eq!(spell_out_references(html), "<p>AIâ€™s cafÃ© â€” dÃ©j&agrave;</p>");
        assert_eq!(repair(&spell_out_references(html)), "<p>AI’s café — déj&agrave;</p>");
        // Correct references, lone ones and markup are left as written.
        for html in ["caf&eacute; &copy; 2025", "&lt;&amp;&gt; &quot;&apos;", "&Atilde; &copy;", "&unknown;&euro;", "a & b &#; &#xZZ;", "&eacute;&eacute;"] {
            assert!(matches!(spell_out_references(html), Cow::Borrowed(t) if t == html), "{html}");
        }
    }

    #[test]
    fn correct_text_is_left_alone() {
        // "été\u{a0}»" and "à\u{a0}«" spell valid sequences (E9 A0 BB, E0 A0 AB).
        for text in ["Crème brûlée für Ärzte — “quoted” ✓ 😀", "L'été\u{a0}» jusqu'à\u{a0}« demain", "Âge: 3 ans", "Ã", "â€", "ASCII only"]
        {
            assert!(matches!(repair(text), Cow::Borrowed(t) if t == text), "{text}");
        }
        // One telltale alone is not enough to touch a page.
        assert_eq!(repair("Price: 5Â® only"), "Price: 5Â® only");
        // An overlong form (E0 80 80) and a lead without its continuations stay.
        assert_eq!(repair("à\u{80}\u{80} Ã x"), "à\u{80}\u{80} Ã x");
    }
}
