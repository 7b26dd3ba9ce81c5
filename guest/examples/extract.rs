//! Extract HTML files natively (no sandbox), for development and profiling:
//!
//!     cargo run --release --example extract -- page.html [https://page.url/]
//!
//! Prints the Markdown, then the metadata. `RT_TARGET` and `RT_EXCLUDE`
//! set a target selector and one selector to exclude.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: extract FILE.html [URL]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let html = String::from_utf8_lossy(&bytes);
    let options = riptide_guest::model::ExtractOptions {
        target_selector: std::env::var("RT_TARGET").ok(),
        exclude_selectors: std::env::var("RT_EXCLUDE").ok().into_iter().collect(),
        ..Default::default()
    };
    match riptide_guest::extract::extract_html(&html, args.get(1).map(String::as_str), &options) {
        Ok(doc) => {
            println!("{}\n", doc.markdown);
            println!(
                "title: {:?}\nbyline: {:?}\npublished: {:?}\nlanguage: {:?}\nsite: {:?}",
                doc.title, doc.byline, doc.published, doc.language, doc.site_name
            );
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
