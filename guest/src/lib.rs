//! RipTide engine: main-content extraction, Markdown, metadata, links and a
//! spider, compiled to one WASI 0.2 component (see `wit/`).
//!
//! # Design decisions
//! - Pure logic (`extract`, `crawl`, `fetch::policy`, `fetch::charset`) is
//!   plain Rust that builds and is unit-tested natively with `cargo test`.
//! - `component` is the only module that touches generated WIT types, and
//!   `fetch::wasi` the only one that touches wasi:http; both exist only on
//!   `wasm32`.
//! - Each page is parsed once (html5ever via scraper) into an index-based
//!   arena (`extract::dom`) that every extraction stage shares.
//! - Egress policy lives here, not in the host: wasmtime's Python host
//!   cannot filter wasi:http requests, so every request and every redirect
//!   hop is checked before it is sent.

pub mod crawl;
pub mod extract;
pub mod fetch;
pub mod model;

#[cfg(target_arch = "wasm32")]
mod alloc;
#[cfg(target_arch = "wasm32")]
mod component;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static GLOBAL: alloc::LimitAwareAlloc = alloc::LimitAwareAlloc;
