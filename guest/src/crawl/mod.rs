//! Crawling: URL scope, robots.txt and the frontier are pure; `session`
//! drives them with a `fetch::Client`.

pub mod feed;
pub mod frontier;
pub mod join;
pub mod listed;
pub mod robots;
pub mod scope;
pub mod session;
pub mod sitemap;
pub mod xml;
