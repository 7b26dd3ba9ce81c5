//! The page title: `<title>`, og:title and the `<h1>` weighed against
//! each other, and the site's name cut off.

use url::Url;

use super::in_logo;
use crate::extract::dom::{words, Dom};

/// Separators between a page title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " : "];

/// Titles (or title parts) that only label the home page, folded ("Home
/// page" is "homepage").
const HOME_PAGE_LABELS: &[&str] = &["home", "homepage"];

fn labels_home_page(title: &str) -> bool {
    HOME_PAGE_LABELS.contains(&fold(title).as_str())
}

/// A `<title>` part longer than this is a description, not a name.
const TITLE_PART_MAX_CHARS: usize = 90;

/// An og:title with fewer of its words in the `<title>` than this share
/// is a social-feed teaser, not the page's name.
const TEASER_MAX_SHARED_WORDS: f64 = 0.5;

/// An `<h1>` with at least this many words reads as a headline, not a logo.
const HEADLINE_MIN_WORDS: usize = 3;

/// Where a page states its title.
#[derive(Clone, Copy)]
pub(super) struct TitleSources<'a> {
    pub title_tag: Option<&'a str>,
    /// og:title, or Dublin Core's or Twitter's title.
    pub og: Option<&'a str>,
    pub ld_headline: Option<&'a str>,
    /// The first kept `<h1>` (none when it spells the host: a logo), and
    /// every kept `<h1>` in page order.
    pub h1: Option<&'a str>,
    pub h1s: &'a [String],
    /// The first `<h1>` dropped with the chrome around it.
    pub dropped_h1: Option<&'a str>,
    /// The page declares itself an article (og:type, JSON-LD).
    pub article: bool,
    /// The site's name (og:site_name…).
    pub site: Option<&'a str>,
    /// The words of the page URL's slug, when it names a headline (see
    /// `headline_slug`).
    pub slug: &'a [String],
}

/// Pick the title: the `<h1>` when the page's own `<title>`/og:title
/// confirm it, or when the page declares itself an article and has one
/// `<h1>` that reads as a headline (there the visible headline beat a
/// differing `<title>` 128 to 41 on the dev pages; elsewhere the `<h1>` is
/// often a slogan and it was a coin toss), unless an `<h1>` dropped with
/// the chrome spells the title, or when the URL's slug spells the `<h1>`
/// better than the `<title>`; else the title without its " | Site" part.
pub(super) fn choose_title(sources: &TitleSources) -> Option<String> {
    let TitleSources { title_tag, og, ld_headline, h1, h1s, dropped_h1, article, site, slug } = *sources;
    // An og:title of "Home" only labels the home page; a shortened one
    // ("What do you think will be the trend in the…", as XenForo writes it)
    // gives way to the full `<title>` it cuts.
    let og = og.filter(|o| {
        let stem = o.trim_end().trim_end_matches("...").trim_end_matches('…');
        !labels_home_page(o) && (stem.len() == o.trim_end().len() || !title_tag.is_some_and(|t| fold(t).starts_with(&fold(stem))))
    });
    // The `<title>` without its " | Site" part.
    let page_title = title_tag.map(|t| strip_site_name(t, site));
    // An `<h1>` that is the title's site part ("Cory Dransfeldt" in "A
    // brief intro to git • Cory Dransfeldt") or the site name is the
    // blog's logo, not the headline.
    let site_part = |h: &str| {
        let parts: Vec<&str> = title_tag.map(|t| title_parts(t).collect()).unwrap_or_default();
        (parts.len() > 1 && parts.last().is_some_and(|last| fold(last) == h)) || site.is_some_and(|s| fold(s) == h)
    };
    // The `<title>` agrees with the `<h1>`, or is the `<h1>` cut off
    // inside a word, with another number in it or its words in another
    // order.
    let confirmed = |headline: &str| {
        let h = fold(headline);
        let agrees = !h.is_empty()
            && !site_part(&h)
            && [title_tag, og, ld_headline].iter().flatten().any(|t| {
                let t = fold(t);
                t.contains(&h) || h.contains(&t)
            });
        let restates = |t: &str| cut_short(t, headline) || renumbered(t, headline) || reordered(t, headline);
        agrees || page_title.as_deref().is_some_and(restates) || og.is_some_and(|o| restates(&strip_site_name(o, site)))
    };
    if let Some(h) = h1.filter(|h| confirmed(h)) {
        return Some(h.to_string());
    }
    // An `<h1>` dropped with a page `<header>` outside the article that
    // spells the page's own title (Yahoo's story headline) shows the title
    // is the headline; a lone kept `<h1>` then is something else (the
    // hidden show name above it), so the unconfirmed rule below is not for it.
    let headline_dropped = dropped_h1.is_some_and(|h| {
        let h = fold(h);
        !site_part(&h) && [page_title.as_deref(), og].iter().flatten().any(|t| fold(t) == h)
    });
    if let Some(h) = h1.filter(|h| h1s.len() == 1 && article && !headline_dropped && reads_as_headline(h)) {
        return Some(h.to_string());
    }
    // A URL's slug is written from the headline the page was published
    // under: an `<h1>` that spells it better than the `<title>` is that
    // headline, the `<title>` a rewrite for search results
    // (".../certifications-and-certificates": "Social Media Marketing
    // Certifications and Certificates", not "Which Social Media Marketing
    // Certification is Best?"). Of several `<h1>`s, the one that spells it
    // best ("The Blog" above the post's own); not one of several sentences:
    // that is a teaser. On the dev pages: 20 titles right, 6 wrong.
    if let Some(page) = page_title.as_deref().filter(|_| slug.len() >= SLUG_MIN_WORDS) {
        // Each `<h1>` scored once; the first of equal scores wins.
        let best = h1
            .into_iter()
            .chain(h1s.iter().skip(1).map(String::as_str))
            .filter(|h| reads_as_title(h) && !site_part(&fold(h)))
            .map(|h| (h, share_of_slug(slug, h)))
            .fold(None, |best: Option<(&str, f64)>, (h, share)| if best.is_none_or(|(_, b)| share > b) { Some((h, share)) } else { best });
        if let Some((h, _)) = best.filter(|&(_, share)| share > share_of_slug(slug, page) + SLUG_MARGIN) {
            return Some(h.to_string());
        }
    }
    // An og:title sharing few words with a `<title>` that names the page
    // (not only the site, "Home" or a one-word section such as "Blog") is a
    // teaser written for social feeds ("We're Really Good at Email" on
    // "Email Marketing Tools | Mailchimp").
    let names_page =
        page_title.as_deref().is_some_and(|page| page.split_whitespace().count() > 1 && !labels_home_page(page) && site.is_none_or(|s| fold(s) != fold(page)));
    let og = og.filter(|o| !title_tag.is_some_and(|t| names_page && share_of_words_in(o, t) < TEASER_MAX_SHARED_WORDS));
    og.map(|t| strip_site_name(t, site)).or(page_title).or_else(|| ld_headline.map(str::to_string)).or_else(|| h1.map(str::to_string)).filter(|t| !t.is_empty())
}

/// A slug of fewer words is an id or a section's name, not a headline.
const SLUG_MIN_WORDS: usize = 2;

/// The share of the slug's words an `<h1>` must spell beyond the
/// `<title>`'s share to be taken as the headline the slug was written
/// from (dev: the same net 10 titles from 0 to 0.15, fewer above).
const SLUG_MARGIN: f64 = 0.1;

/// Words a slug generator drops or a file name adds: they tell no title
/// from another.
const SLUG_FILLER_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are", "how", "what", "you", "your", "html", "htm", "php",
    "aspx",
];

/// A slug word this long holding a digit is an id or a SKU ("j755020"),
/// not a word of the headline; "2025" and "j7" are.
const SLUG_ID_MIN_CHARS: usize = 5;

/// The slug words of the first of `paths` whose slug has words enough to
/// name a headline; none when no path's has.
pub(super) fn headline_slug<'p>(paths: impl IntoIterator<Item = &'p str>) -> Vec<String> {
    paths.into_iter().map(slug_words).find(|slug| slug.len() >= SLUG_MIN_WORDS).unwrap_or_default()
}

/// The words of a URL path's last segment ("/blog/how-to-restore-antique-
/// furniture/" → restore, antique, furniture), fillers and ids left out:
/// the page's headline as its slug spells it.
pub(super) fn slug_words(path: &str) -> Vec<String> {
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let Some(last) = path.split('/').rfind(|s| !s.is_empty()).filter(|s| !names_a_locale(s)) else { return Vec::new() };
    lower_words(last)
        .filter(|w| w.chars().count() > 1 && !SLUG_FILLER_WORDS.contains(&w.as_str()))
        .filter(|w| !(w.chars().count() >= SLUG_ID_MIN_CHARS && w.chars().any(|c| c.is_ascii_digit())))
        .collect()
}

/// A path segment that picks a language and region ("en", "en-us",
/// "pt_BR"): the site's section for a locale, not a page's headline
/// (whose words "en" and "us" a "Contact Us" would spell).
fn names_a_locale(segment: &str) -> bool {
    let mut parts = segment.split(['-', '_']);
    let is_code = |p: Option<&str>| p.is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()));
    is_code(parts.next()) && parts.next().is_none_or(|p| is_code(Some(p))) && parts.next().is_none()
}

/// The share of the slug's words that `text` spells, apostrophes dropped
/// as slug generators drop them ("McCollister’s" is "mccollisters").
fn share_of_slug(slug: &[String], text: &str) -> f64 {
    share_spelled(slug, &text.replace(['\'', '’'], "")).unwrap_or(0.0)
}

/// Sentence breaks that make an `<h1>` a paragraph: a headline has at
/// most a kicker and a sentence.
const PARAGRAPH_MIN_BREAKS: usize = 2;

/// Whether an `<h1>` reads as a headline: not a teaser of several
/// sentences ("Learn which renovations pay off? Get expert tips… We'll…")
/// nor a label introducing a box ("A message from our founder:").
fn reads_as_headline(text: &str) -> bool {
    text.split_whitespace().count() >= HEADLINE_MIN_WORDS && reads_as_title(text)
}

/// Whether a text can title a page at all, however short: not a teaser
/// of several sentences nor a label introducing a box (see
/// `reads_as_headline`).
fn reads_as_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let breaks = words.windows(2).filter(|pair| pair[0].ends_with(['.', '?', '!']) && pair[1].chars().next().is_some_and(char::is_uppercase)).count();
    breaks < PARAGRAPH_MIN_BREAKS && !text.trim_end().ends_with(':')
}

/// True when a page below the site's root has a title that starts with
/// the domain's name ("Reddit" on www.reddit.com, see `host_brand`) and
/// whose other parts the page shows nowhere: the site's own
/// title, served on every page as single-page apps do ("Reddit - The heart
/// of the internet" on a thread). Titles ending with the site ("Post |
/// Reddit") are the usual order and are not asked.
pub(super) fn site_wide_title(title: &str, base: &Url, texts: &[&str]) -> bool {
    let below_root = !base.path().trim_matches('/').is_empty();
    if !below_root || !title_parts(title).next().is_some_and(|first| names_the_host(first, base)) {
        return false;
    }
    let rest: Vec<String> = title_parts(title).skip(1).map(str::to_lowercase).collect();
    !texts.iter().map(|t| t.to_lowercase()).any(|t| rest.iter().any(|part| t.contains(part.as_str())))
}

/// Whether `text` is the site's own name as its domain spells it ("Arch
/// Linux" on bbs.archlinux.org): a logo, when it stands as the `<h1>`.
pub(super) fn names_the_host(text: &str, base: &Url) -> bool {
    let name = fold(text);
    !name.is_empty() && host_brand(base) == Some(name.as_str())
}

/// Second-level domain labels under a two-letter country code
/// (example.co.uk), which are not the brand.
const SECOND_LEVEL_LABELS: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu"];

/// The registrable label of the host: "archlinux" in bbs.archlinux.org,
/// "bbc" in www.bbc.co.uk.
fn host_brand(base: &Url) -> Option<&str> {
    let mut labels = base.host_str()?.split('.').rev();
    let tld = labels.next()?;
    let label = labels.next()?;
    if tld.len() == 2 && SECOND_LEVEL_LABELS.contains(&label) {
        return labels.next();
    }
    Some(label)
}

/// The trimmed, non-empty parts of a title split at every separator.
fn title_parts(title: &str) -> impl Iterator<Item = &str> {
    // A template with an empty page part leaves a separator at an end
    // ("<title> | Nuts & Volts Magazine").
    let title = title.trim_matches(|c: char| matches!(c, '|' | '·' | '•' | '»' | '–' | '—') || c.is_whitespace());
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// "Page title | Site name" → "Page title". A part naming the site (as
/// og:site_name has it) goes; otherwise the first part stays unless
/// another, not a slogan, is more than twice as long ("Acme | Cloud
/// hosting for teams").
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let mut parts: Vec<&str> = title_parts(title).collect();
    // "Home - The GitHub Blog": the page part only says this is the home
    // page; the site's name is its title.
    if parts.len() > 1 {
        parts.retain(|p| !labels_home_page(p));
    }
    if let Some(site) = site.map(fold).filter(|s| !s.is_empty()) {
        if parts.len() > 1 && parts.iter().any(|p| fold(p) == site) {
            parts.retain(|p| fold(p) != site);
            return parts.first().map_or(title, |p| p).to_string();
        }
    }
    let Some(&first) = parts.first() else { return title.trim().to_string() };
    // A part that is a sentence or a paragraph is the site's slogan
    // ("Hugging Face – The AI community building the future.").
    let slogan = |p: &str| p.chars().count() > TITLE_PART_MAX_CHARS || p.trim_end().ends_with('.');
    let longest = parts.iter().copied().filter(|p| !slogan(p)).max_by_key(|p| p.chars().count()).unwrap_or(first);
    let pick = if first.chars().count() * 2 < longest.chars().count() { longest } else { first };
    pick.to_string()
}

/// Whether `title` is `headline` cut off inside a word, as templates
/// truncate a long `<title>` ("…how to set up your monitor, laptop, and k").
/// A last word of punctuation only ("…") is a cut too.
fn cut_short(title: &str, headline: &str) -> bool {
    let (title, headline) = (folded_words(title), folded_words(headline));
    let Some((last, whole)) = title.split_last() else { return false };
    whole.len() >= 2
        && headline.len() > whole.len()
        && headline[..whole.len()] == *whole
        && headline[whole.len()].len() > last.len()
        && headline[whole.len()].starts_with(last.as_str())
}

/// Whether `headline` is `title` with one number changed ("7 Mental Health
/// Trends to Watch in 2025" over a `<title>` still saying 2024): the page
/// was brought up to date and its `<title>` left behind; the visible
/// headline is the current one.
fn renumbered(title: &str, headline: &str) -> bool {
    let (title, headline) = (folded_words(title), folded_words(headline));
    let number = |w: &String| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut changed = title.iter().zip(&headline).filter(|(t, h)| t != h);
    title.len() == headline.len()
        && title.len() >= RENUMBERED_MIN_WORDS
        && changed.next().is_some_and(|(t, h)| number(t) && number(h))
        && changed.next().is_none()
}

/// Whether `headline` has the words of `title` in another order ("Online
/// Graphic Design Course" over "Graphic Design Course Online"): the page
/// shows the title as it means it to read.
fn reordered(title: &str, headline: &str) -> bool {
    let sorted_words = |text: &str| {
        let mut words = folded_words(text);
        words.retain(|w| !w.is_empty());
        words.sort_unstable();
        words
    };
    let words = sorted_words(title);
    words.len() >= REORDERED_MIN_WORDS && words == sorted_words(headline)
}

/// Fewer words than this in another order are another phrase.
const REORDERED_MIN_WORDS: usize = 2;

/// A title of fewer words than this is too short to tell a renumbered
/// headline from another one ("Top 10" and "Top 12").
const RENUMBERED_MIN_WORDS: usize = 3;

/// The share of `text`'s words (case folded) that `other` also has.
fn share_of_words_in(text: &str, other: &str) -> f64 {
    share_spelled(&lower_words(text).collect::<Vec<_>>(), other).unwrap_or(1.0)
}

/// The share of the lower-cased `words` that `text` spells too; none
/// without words.
fn share_spelled(words: &[String], text: &str) -> Option<f64> {
    let spelled: std::collections::HashSet<String> = lower_words(text).collect();
    (!words.is_empty()).then(|| words.iter().filter(|w| spelled.contains(*w)).count() as f64 / words.len() as f64)
}

/// The words of `text` (see `dom::words`), lower-cased.
fn lower_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(str::to_lowercase)
}

/// The whitespace-separated words of `text`, each folded (see `fold`);
/// a word of punctuation only folds to "".
fn folded_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(fold).collect()
}

pub(super) fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// An `<h1>` whose nearest landmark is a `<header>` that is not the site's
/// banner, and which links nowhere: the page's hero ("<header
/// class=article-hero><h1>7 Vital Tips…"). A site header's `<h1>` is a
/// link home ("<h1><a href=/>Filmmaker</a>"), and `<h1>`s in menus,
/// breadcrumbs and dialogs are not the page's.
pub(super) fn in_hero_header(dom: &Dom, h1: usize) -> bool {
    if in_logo(dom, h1) || (h1..dom.nodes[h1].end).any(|j| dom.tag(j) == "a") {
        return false;
    }
    for at in dom.ancestors(h1) {
        let role = dom.attr(at, "role");
        if matches!(role, Some("banner" | "navigation" | "dialog")) {
            return false;
        }
        match dom.tag(at) {
            "header" => return true,
            "nav" | "aside" | "footer" | "dialog" | "ol" | "ul" => return false,
            _ => {}
        }
    }
    false
}
