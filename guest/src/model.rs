//! Plain Rust mirrors of the WIT records. `component.rs` converts these to
//! the generated types; everything else works with these.

/// A hyperlink of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub text: String,
    pub rel: Option<String>,
    pub internal: bool,
}

/// An image of the main content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub url: String,
    pub alt: Option<String>,
}

/// Everything extracted from one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub canonical_url: Option<String>,
    pub text: String,
    pub markdown: String,
    /// The Markdown as HTML, when `ExtractOptions::include_html`.
    pub html: String,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    pub word_count: u32,
}

/// Which way to lean on doubtful blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Balanced,
    Precision,
    Recall,
}

/// Extraction switches (mirrors `extract-options`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractOptions {
    pub focus: Focus,
    pub include_comments: bool,
    pub include_tables: bool,
    pub include_images: bool,
    pub include_links: bool,
    /// Fill `Document::links`.
    pub collect_links: bool,
    /// Fill `Document::html`.
    pub include_html: bool,
    /// A CSS selector naming the content: the region is not searched for.
    pub target_selector: Option<String>,
    /// CSS selectors of elements removed before anything is judged.
    pub exclude_selectors: Vec<String>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self {
            focus: Focus::Balanced,
            include_comments: false,
            include_tables: true,
            include_images: false,
            include_links: true,
            collect_links: true,
            include_html: false,
            target_selector: None,
            exclude_selectors: Vec::new(),
        }
    }
}

/// Why a request was refused before it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyReason {
    Scheme,
    PrivateAddress,
    Robots,
    OutOfScope,
}

/// Every failure the engine reports (mirrors the WIT `error` variant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    InvalidUrl(String),
    Policy { reason: PolicyReason, url: String, message: String },
    HttpStatus { status: u16, url: String },
    Fetch(String),
    Timeout(String),
    TooLarge(u64),
    UnsupportedContent(String),
    TooManyRedirects(String),
    InvalidSelector(String),
    InvalidHeader(String),
    Internal(Option<String>),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidUrl(m) => write!(f, "invalid URL: {m}"),
            Error::Policy { message, .. } => write!(f, "refused by policy: {message}"),
            Error::HttpStatus { status, url } => write!(f, "HTTP {status} for {url}"),
            Error::Fetch(m) => write!(f, "fetch failed: {m}"),
            Error::Timeout(m) => write!(f, "timed out: {m}"),
            Error::TooLarge(n) => write!(f, "body larger than {n} bytes"),
            Error::UnsupportedContent(t) => write!(f, "unsupported content type: {t}"),
            Error::TooManyRedirects(m) => write!(f, "too many redirects: {m}"),
            Error::InvalidSelector(m) => write!(f, "invalid CSS selector: {m}"),
            Error::InvalidHeader(m) => write!(f, "invalid request header: {m}"),
            Error::Internal(m) => write!(f, "internal error: {}", m.as_deref().unwrap_or("unknown")),
        }
    }
}

impl std::error::Error for Error {}
