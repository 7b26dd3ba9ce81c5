//! Development driver: reads JSON lines `{"id", "path", "url"}` on stdin,
//! extracts each file natively and writes JSON lines with the text and
//! metadata, so an evaluation loop needs no wasm rebuild.
use std::io::{BufRead, Write};

fn main() {
    // RT_FOCUS=precision|recall measures the other trade-offs.
    let focus = match std::env::var("RT_FOCUS").as_deref() {
        Ok("precision") => riptide_guest::model::Focus::Precision,
        Ok("recall") => riptide_guest::model::Focus::Recall,
        _ => riptide_guest::model::Focus::Balanced,
    };
    // RT_COMMENTS=1 extracts with comments wanted.
    let include_comments = std::env::var("RT_COMMENTS").is_ok_and(|v| v == "1");
    let options = riptide_guest::model::ExtractOptions { focus, include_comments, ..Default::default() };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let job: serde_json::Value = serde_json::from_str(&line).expect("json line");
        let path = job["path"].as_str().expect("path");
        let html = String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned();
        let url = job["url"].as_str();
        let doc = riptide_guest::extract::extract_html(&html, url, &options).unwrap_or_default();
        let row = serde_json::json!({
            "id": job["id"], "text": doc.text, "markdown": doc.markdown, "title": doc.title,
            "author": doc.byline, "date": doc.published, "sitename": doc.site_name, "lang": doc.language, "excerpt": doc.description,
        });
        writeln!(out, "{row}").expect("stdout");
    }
}
