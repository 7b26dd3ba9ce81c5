//! The caller's CSS selectors: `target_selector` names the content, so
//! the region is not searched for; `exclude_selectors` name elements to
//! remove before anything is judged. Both act on the flattened page as
//! per-node marks that the `clean` stage obeys.

use scraper::error::SelectorErrorKind;
use scraper::{ElementRef, Html, Selector};

use super::dom::{split_humps, Dom, NONE};
use crate::model::{Error, ExtractOptions};

/// The options' selectors, parsed.
pub struct Selectors {
    target: Option<Selector>,
    exclude: Vec<Selector>,
}

impl Selectors {
    /// Parse the options' selectors; the first that does not parse is the
    /// error. An empty or blank target is no target.
    pub fn parse(options: &ExtractOptions) -> Result<Selectors, Error> {
        let target = options.target_selector.as_deref().filter(|s| !s.trim().is_empty()).map(parse_one).transpose()?;
        let exclude = options.exclude_selectors.iter().filter(|s| !s.trim().is_empty()).map(|s| parse_one(s)).collect::<Result<_, _>>()?;
        Ok(Selectors { target, exclude })
    }

    pub fn is_empty(&self) -> bool {
        self.target.is_none() && self.exclude.is_empty()
    }

    /// Where the selectors put each node of `dom` (flattened from `html`).
    pub fn scope(&self, html: &Html, dom: &Dom) -> Scope {
        let n = dom.len();
        let matches = |selector: &Selector, i: usize| {
            dom.element(i).is_some() && html.tree.get(dom.nodes[i].id).and_then(ElementRef::wrap).is_some_and(|e| selector.matches(&e))
        };
        let excluded = dom.within(|i| self.exclude.iter().any(|s| matches(s, i)));
        let Some(target) = &self.target else {
            return Scope { out: excluded, pinned: vec![false; n], region: None };
        };
        // The outermost matches, not excluded: a match inside another adds nothing.
        let mut targets = Vec::new();
        let mut i = 0;
        while i < n {
            if !excluded[i] && matches(target, i) {
                targets.push(i);
                i = dom.nodes[i].end;
            } else {
                i += 1;
            }
        }
        let inside_target = dom.within(|i| targets.binary_search(&i).is_ok());
        let pinned = dom.with_ancestors(targets.iter().fold(vec![false; n], |mut marks, &t| {
            marks[t] = true;
            marks
        }));
        // Outside every target and holding none: not content. Nothing
        // matched leaves the page without content rather than guessing.
        let out = (0..n).map(|i| excluded[i] || !(inside_target[i] || pinned[i])).collect();
        let region = common_ancestor(dom, &targets).unwrap_or(dom.root);
        Scope { out, pinned, region: Some(region) }
    }
}

fn parse_one(selector: &str) -> Result<Selector, Error> {
    Selector::parse(selector).map_err(|e| Error::InvalidSelector(format!("{selector:?}: {}", reason(&e))))
}

/// Why a selector did not parse, in words: scraper's own message for
/// most kinds is "please report this to the developer" and a debug dump.
fn reason(e: &SelectorErrorKind) -> String {
    match e {
        SelectorErrorKind::UnexpectedSelectorParseError(kind) => {
            // `DanglingCombinator` -> "dangling combinator"
            let name = format!("{kind:?}");
            split_humps(name.split(['(', ' ', '{']).next().unwrap_or_default())
        }
        SelectorErrorKind::EndOfLine => "unexpected end".to_string(),
        other => other.to_string().to_lowercase(),
    }
}

/// The selectors' marks on one page.
pub struct Scope {
    /// Not content whatever it looks like: excluded, or outside the target.
    pub out: Vec<bool>,
    /// The targets and their ancestors: content whatever their tag or
    /// class says (their other children are `out`).
    pub pinned: Vec<bool>,
    /// With a target, the region: the innermost element holding every
    /// match (the document's root when nothing matched).
    pub region: Option<usize>,
}

/// The innermost element holding all of `nodes` (a node holds itself).
fn common_ancestor(dom: &Dom, nodes: &[usize]) -> Option<usize> {
    let (&first, rest) = nodes.split_first()?;
    let mut at = first;
    for &node in rest {
        while !dom.contains(at, node) {
            at = dom.nodes[at].parent;
            if at == NONE {
                return None;
            }
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse;

    fn options(target: Option<&str>, exclude: &[&str]) -> ExtractOptions {
        ExtractOptions { target_selector: target.map(str::to_string), exclude_selectors: exclude.iter().map(|s| s.to_string()).collect(), ..Default::default() }
    }

    /// The text of the nodes the scope keeps, in document order.
    fn kept_text(html: &str, target: Option<&str>, exclude: &[&str]) -> (String, Option<String>) {
        let parsed = parse(html);
        let dom = Dom::new(&parsed);
        let scope = Selectors::parse(&options(target, exclude)).unwrap().scope(&parsed, &dom);
        let text = (0..dom.len()).filter(|&i| !scope.out[i]).filter_map(|i| dom.text(i)).map(str::trim).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
        let region = scope.region.map(|r| dom.attr(r, "id").unwrap_or(dom.tag(r)).to_string());
        (text, region)
    }

    const PAGE: &str = r#"<body><div id="page"><p>intro</p>
        <div id="a" class="post">first <span class="ad">buy</span></div>
        <p>between</p>
        <div id="b" class="post">second <div class="post">nested</div></div></div><footer>foot</footer></body>"#;

    #[test]
    fn a_target_keeps_only_its_matches_and_their_common_ancestor_is_the_region() {
        assert_eq!(kept_text(PAGE, Some(".post"), &[]), ("first buy second nested".into(), Some("page".into())));
        assert_eq!(kept_text(PAGE, Some("#b"), &[]), ("second nested".into(), Some("b".into())));
    }

    #[test]
    fn exclusions_go_first_and_a_target_inside_one_does_not_count() {
        assert_eq!(kept_text(PAGE, Some(".post"), &[".ad"]), ("first second nested".into(), Some("page".into())));
        assert_eq!(kept_text(PAGE, Some(".post"), &["#a"]), ("second nested".into(), Some("b".into())));
        assert_eq!(kept_text(PAGE, None, &["#a", "footer"]), ("intro between second nested".into(), None));
    }

    #[test]
    fn a_target_that_matches_nothing_keeps_nothing() {
        assert_eq!(kept_text(PAGE, Some("article"), &[]), (String::new(), Some("html".into())));
    }

    #[test]
    fn blank_selectors_are_none_and_a_bad_one_is_named_in_the_error() {
        assert!(Selectors::parse(&options(Some("  "), &["", " "])).unwrap().is_empty());
        let Err(Error::InvalidSelector(message)) = Selectors::parse(&options(Some("article"), &["div[", ".ok"])) else { panic!("expected InvalidSelector") };
        assert_eq!(message, "\"div[\": unexpected end");
        let Err(Error::InvalidSelector(message)) = Selectors::parse(&options(Some("article >"), &[])) else { panic!("expected InvalidSelector") };
        assert_eq!(message, "\"article >\": dangling combinator");
        assert!(matches!(Selectors::parse(&options(Some("p:::x"), &[])), Err(Error::InvalidSelector(_))));
    }
}
