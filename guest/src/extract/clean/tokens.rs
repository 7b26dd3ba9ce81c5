//! Class and id tokens that name page widgets ("site-nav", "social-share",
//! "comment-list") or the content itself ("entry-content").

/// Class/id tokens (or token prefixes) of widgets that are not content.
/// Matched against whole `-`/`_`-separated words so "shared" in
/// "shared-content" does not hit "share". "userextras" to
/// "author-statistics" are forum poster stats and ranks (XenForo, MyBB),
/// not the post, and so are signatures ("postsignature" in FluxBB,
/// "signaturecontainer" in vBulletin); "navheader"/"navfooter" are
/// DocBook's Prev | Up | Next bars (PostgreSQL, many GNU manuals);
/// "akismet" is a spam filter's notice under WordPress comment forms.
pub(super) const BOILERPLATE_WORDS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "cookie", "cookies", "consent", "gdpr", "share", "social",
    "newsletter", "subscribe", "subscription", "signup", "related", "recommended", "popular", "trending", "advert", "advertisement", "ads", "ad", "adsense",
    "sponsor", "sponsored", "promo", "popup", "modal", "toolbar", "pagination", "pager", "outbrain", "taboola", "disqus", "comment-form", "respond", "login",
    "signin", "author-bio", "byline-social", "tag-list", "dropdown", "offcanvas", "off-canvas", "megamenu", "site-header", "site-footer", "topbar",
    "bottombar", "newsletter-signup", "signature", "postsignature", "signaturecontainer", "user-info", "userinfo", "user-details", "usercard", "user-card",
    "postprofile", "post-profile", "voting", "votes", "userextras", "usertitle", "userbanner", "userstats", "user-stats", "author-statistics", "navheader",
    "navfooter", "akismet",
];

/// Menus named as one word ("sidemenu", "leftMenu", "topnav", "subnav").
pub(super) fn is_compound_menu(word: &str) -> bool {
    (5..=COMPOUND_MENU_MAX_CHARS).contains(&word.len()) && (word.ends_with("menu") || word.ends_with("nav"))
}

/// Longer words ending in "menu"/"nav" are something else.
pub(super) const COMPOUND_MENU_MAX_CHARS: usize = 10;

/// Tokens of widgets that fold content away; never boilerplate.
pub(super) const FOLDED_CONTENT_WORDS: &[&str] = &["accordion", "faq", "faqs"];

/// Tokens that mark user comments; dropped unless comments are wanted.
pub(super) const COMMENT_WORDS: &[&str] = &[
    "comment", "comments", "commentlist", "comment-list", "discussion", "reviews", "review-list", "customer-reviews", "customerreviews", "ratings", "yotpo",
    "bazaarvoice", "trustpilot",
];

/// Tokens that mark the main content; they veto a boilerplate match on the
/// same element ("post-share" vetoed? no: only when no boilerplate word is
/// the element's last word).
pub(super) const CONTENT_WORDS: &[&str] = &["article", "content", "main", "post", "entry", "story", "body", "text", "blog"];

/// Whether one class or id token names a non-content widget.
pub(super) fn token_is_boilerplate(token: &str, check_comments: bool, aggressive: bool) -> bool {
    // "sidebar-enabled--false", "has-sidebar--disabled": the modifier says
    // the widget is off.
    if token.split(['-', '_']).any(|w| matches!(w, "false" | "disabled" | "off")) {
        return false;
    }
    // BEM: in "block--modifier" the block names the element; the modifier
    // only says which variant ("container--more-ads" is a container).
    let token = token.split("--").find(|part| !part.is_empty()).unwrap_or(token);
    let words: Vec<&str> = token.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    // "wsite-not-footer", "no-sidebar", "hide-read-more-ad": a negated or
    // hidden widget word says the opposite.
    if words.is_empty() || words.iter().any(|w| matches!(*w, "not" | "no" | "non" | "without" | "hide")) {
        return false;
    }
    // Accordions and FAQs fold content away; their menus and dropdowns
    // are the content ("accordion-item__dropdown", "faq_tabs-menu").
    if words.iter().any(|w| FOLDED_CONTENT_WORDS.contains(w)) {
        return false;
    }
    // Whole-token matches first (covers multi-word entries like "comment-form").
    let dashed = if token.contains('_') { std::borrow::Cow::Owned(token.replace('_', "-")) } else { std::borrow::Cow::Borrowed(token) };
    if BOILERPLATE_WORDS.contains(&dashed.as_ref()) || (check_comments && COMMENT_WORDS.contains(&dashed.as_ref())) {
        return true;
    }
    // "entry-content", "post-body": a content word names the content.
    let has_content_word = words.iter().any(|w| CONTENT_WORDS.contains(w));
    let last = words[words.len() - 1];
    let hit = |w: &str| BOILERPLATE_WORDS.contains(&w) || (check_comments && COMMENT_WORDS.contains(&w)) || is_compound_menu(w);
    if has_content_word {
        // "post-share", "article-related" still name a widget by their last
        // word; "comments-body", "comment-content" are a comment's own body.
        return (hit(last) && last != "ad") || (check_comments && matches!(words[0], "comment" | "comments"));
    }
    if aggressive {
        words.iter().any(|w| hit(w))
    } else {
        // The head noun of a BEM-ish name is usually last ("site-nav",
        // "social-share") or first ("nav-wrapper", "footer-inner").
        hit(last) || (words.len() > 1 && hit(words[0]) && !matches!(words[0], "ad" | "ads" | "tags" | "print") && !names_a_property(last))
    }
}

/// A last word like "eligible" or "printable" says what the element
/// allows, so the word before it qualifies the element instead of naming
/// it: "subscription-eligible" is a product card that can be subscribed
/// to, not a subscription widget.
fn names_a_property(word: &str) -> bool {
    word.len() > PROPERTY_SUFFIX_MIN_CHARS && (word.ends_with("able") || word.ends_with("ible"))
}

/// "table" ends in "able" too; a property word is longer.
const PROPERTY_SUFFIX_MIN_CHARS: usize = 5;
