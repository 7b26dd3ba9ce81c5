//! robots.txt (RFC 9309): groups by user agent, Allow/Disallow with `*`
//! and `$`, longest match wins and Allow wins a tie.

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, pattern) of the group that applies to us.
    rules: Vec<(bool, String)>,
    /// Crawl-delay of that group, in seconds, if given.
    pub crawl_delay: Option<f64>,
    /// The sitemaps it names (`Sitemap:` lines belong to no group).
    pub sitemaps: Vec<String>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx answer).
    pub fn allow_all() -> Self {
        Robots::default()
    }

    /// Everything disallowed (robots.txt unreachable: 5xx or network error).
    pub fn disallow_all() -> Self {
        Robots { rules: vec![(false, "/".into())], ..Robots::default() }
    }

    /// Parse `body` for the product token `agent` (e.g. "riptide"),
    /// falling back to the `*` group.
    pub fn parse(body: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        // Groups: consecutive user-agent lines share the rules after them.
        let mut groups: Vec<(Vec<String>, Robots)> = Vec::new();
        let mut in_agents = false;
        let mut sitemaps = Vec::new();
        for line in body.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else { continue };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Robots::default()));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        if !value.is_empty() {
                            g.1.rules.push((key == "allow", value.to_string()));
                        }
                    }
                }
                // The URL has a colon of its own: the whole value is kept.
                "sitemap" if !value.is_empty() => sitemaps.push(value.to_string()),
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        g.1.crawl_delay = value.parse().ok();
                    }
                }
                _ => {}
            }
        }
        let specific: Vec<&Robots> =
            groups.iter().filter(|(agents, _)| agents.iter().any(|a| a != "*" && !a.is_empty() && agent.contains(a.as_str()))).map(|(_, r)| r).collect();
        let chosen: Vec<&Robots> =
            if specific.is_empty() { groups.iter().filter(|(agents, _)| agents.iter().any(|a| a == "*")).map(|(_, r)| r).collect() } else { specific };
        // Several groups for the same agent are merged (RFC 9309 2.2.1).
        let mut merged = Robots { sitemaps, ..Robots::default() };
        for r in chosen {
            merged.rules.extend(r.rules.iter().cloned());
            merged.crawl_delay = merged.crawl_delay.or(r.crawl_delay);
        }
        merged
    }

    /// Whether `path` (path plus query, as sent) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Robots pattern match: `*` is any run of characters, a final `$`
/// anchors the end; otherwise the pattern is a prefix.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(piece) {
                return false;
            }
            pos = piece.len();
        } else if i == pieces.len() - 1 && anchored {
            return path.len() >= pos + piece.len() && path.ends_with(piece);
        } else {
            match path[pos..].find(piece) {
                Some(at) => pos += at + piece.len(),
                None => return false,
            }
        }
    }
    !anchored || pos == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "User-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.cgi$\n\n\
                       User-agent: BadBot\nUser-agent: riptide\nDisallow: /no-riptide\nCrawl-delay: 2\n";

    #[test]
    fn star_group() {
        let r = Robots::parse(TXT, "othercrawler");
        assert!(!r.allows("/private/x"));
        assert!(r.allows("/private/open/x"));
        assert!(!r.allows("/run.cgi"));
        assert!(r.allows("/run.cgi?x"));
        assert!(r.allows("/public"));
        assert!(r.allows("/robots.txt"));
    }

    #[test]
    fn specific_group_replaces_star() {
        let r = Robots::parse(TXT, "RipTide");
        assert!(!r.allows("/no-riptide/page"));
        assert!(r.allows("/private/x"));
        assert_eq!(r.crawl_delay, Some(2.0));
    }

    #[test]
    fn sitemaps_are_named_outside_groups() {
        let txt = "Sitemap: https://example.org/sitemap.xml\nUser-agent: *\nDisallow: /x\nsitemap:https://example.org/news.xml\n";
        assert_eq!(Robots::parse(txt, "riptide").sitemaps, ["https://example.org/sitemap.xml", "https://example.org/news.xml"]);
    }

    #[test]
    fn empty_and_disallow_all() {
        assert!(Robots::parse("", "riptide").allows("/x"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "riptide").allows("/x"));
        assert!(!Robots::disallow_all().allows("/x"));
    }
}
