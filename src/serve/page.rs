//! The page, its style and its script, compiled into the binary
//! (`include_str!` of `page/`): plain HTML, CSS and a small script
//! without libraries, so that nothing is fetched from the network.
//!
//! The page carries the session's token in a `<meta>` element; the script
//! sends it with each request. The redline is the HTML page of `redraft
//! diff --format html`, shown in a frame; the script adds to it the
//! findings beside their paragraphs, the changed-only filter, the
//! side-by-side view and the `n`/`p` keys.

/// The page's script.
pub const SCRIPT: &str = include_str!("page/app.js");

/// The page's style.
pub const STYLE: &str = include_str!("page/style.css");

const INDEX: &str = include_str!("page/index.html");

/// The page, with the session's token (hexadecimal digits only).
///
/// ```
/// let page = redraft::serve::page::index("0123abcd");
/// assert!(page.contains(r#"<meta name="redraft-token" content="0123abcd">"#));
/// assert!(page.contains("app.js?token=0123abcd"));
/// ```
pub fn index(token: &str) -> String {
    let hex: String = token.chars().filter(char::is_ascii_hexdigit).collect();
    INDEX.replace("{{TOKEN}}", &hex)
}

#[cfg(test)]
mod tests {
    #[test]
    fn nothing_comes_from_the_network() {
        for text in [super::INDEX, super::SCRIPT, super::STYLE] {
            for scheme in ["http://", "https://", "//fonts", "@import"] {
                assert!(!text.contains(scheme), "{scheme} in the page");
            }
        }
    }
}
