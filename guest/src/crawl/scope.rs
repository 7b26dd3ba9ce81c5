//! URL normalisation and crawl scope: which discovered links a spider
//! follows.

use url::Url;

use crate::extract::links::same_site_host;

/// Extensions of files that are never HTML; links to them are not queued.
const NON_HTML_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif", "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "mp3", "mp4",
    "m4a", "wav", "ogg", "webm", "mov", "avi", "mkv", "css", "js", "mjs", "json", "xml", "rss", "atom", "woff", "woff2", "ttf", "otf", "eot", "exe", "dmg",
    "msi", "apk", "iso", "bin", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "txt", "wasm",
];

/// Query parameters that only say how a visitor came (campaign tags,
/// click ids), besides every `utm_*`: the page is the same without them,
/// and a feed or a site's own links would otherwise list it many times.
const TRACKING_PARAMETERS: &[&str] = &["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"];

fn is_tracking(parameter: &str) -> bool {
    let name = parameter.split('=').next().unwrap_or_default().to_ascii_lowercase();
    name.starts_with("utm_") || TRACKING_PARAMETERS.contains(&name.as_str())
}

/// Parse and normalise: http(s) only, fragment and tracking parameters
/// dropped; the `url` crate already lower-cases scheme and host, drops
/// default ports and turns an empty path into `/`.
pub fn normalize(raw: &str) -> Option<Url> {
    let mut url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    if let Some(query) = url.query() {
        if query.is_empty() || query.split('&').any(is_tracking) {
            let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !is_tracking(p)).collect();
            let kept = kept.join("&");
            url.set_query(Some(kept.as_str()).filter(|q| !q.is_empty()));
        }
    }
    Some(url)
}

/// What a spider may visit.
#[derive(Debug, Clone)]
pub struct Scope {
    seed_host: String,
    same_host: bool,
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Scope {
    pub fn new(seed: &Url, same_host: bool, include: Vec<String>, exclude: Vec<String>) -> Self {
        Scope {
            seed_host: seed.host_str().unwrap_or("").to_ascii_lowercase(),
            same_host,
            include: include.into_iter().filter(|p| !p.is_empty()).collect(),
            exclude: exclude.into_iter().filter(|p| !p.is_empty()).collect(),
        }
    }

    /// Whether a discovered link should be queued.
    pub fn allows(&self, url: &Url) -> bool {
        if self.same_host && !url.host_str().is_some_and(|h| same_site_host(&self.seed_host, h)) {
            return false;
        }
        if looks_like_file(url) {
            return false;
        }
        let s = url.as_str();
        if self.exclude.iter().any(|p| s.contains(p.as_str())) {
            return false;
        }
        self.include.is_empty() || self.include.iter().any(|p| s.contains(p.as_str()))
    }
}

fn looks_like_file(url: &Url) -> bool {
    let path = url.path();
    let last = path.rsplit('/').next().unwrap_or("");
    match last.rsplit_once('.') {
        Some((_, ext)) => NON_HTML_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(normalize("HTTP://Example.COM:80/a#x").unwrap().as_str(), "http://example.com/a");
        assert_eq!(normalize("https://example.com:443").unwrap().as_str(), "https://example.com/");
        assert_eq!(normalize("https://example.com/?").unwrap().as_str(), "https://example.com/");
        assert_eq!(normalize("https://example.com/p?utm_source=rss&id=7&UTM_Medium=x&fbclid=abc").unwrap().as_str(), "https://example.com/p?id=7");
        assert_eq!(normalize("https://example.com/p?gclid=1&_ga=2").unwrap().as_str(), "https://example.com/p");
        assert_eq!(normalize("https://example.com/p?b=2&a=1&utmost=3").unwrap().as_str(), "https://example.com/p?b=2&a=1&utmost=3");
        assert!(normalize("ftp://example.com/").is_none());
        assert!(normalize("/relative").is_none());
    }

    #[test]
    fn scope_rules() {
        let seed = normalize("https://www.example.com/docs/").unwrap();
        let scope = Scope::new(&seed, true, vec!["/docs/".into()], vec!["/docs/private".into()]);
        assert!(scope.allows(&normalize("https://example.com/docs/a").unwrap()));
        assert!(!scope.allows(&normalize("https://other.com/docs/a").unwrap()));
        assert!(!scope.allows(&normalize("https://example.com/blog/").unwrap()));
        assert!(!scope.allows(&normalize("https://example.com/docs/private/x").unwrap()));
        assert!(!scope.allows(&normalize("https://example.com/docs/manual.pdf").unwrap()));
        let open = Scope::new(&seed, false, vec![], vec![]);
        assert!(open.allows(&normalize("https://other.com/").unwrap()));
    }
}
