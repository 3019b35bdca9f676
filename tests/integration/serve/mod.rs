//! `redraft serve`: the page in headless Chromium through WebDriver
//! (`browser`), requests that are not the page's own (`guard`), the
//! page's downloads byte for byte the command line's (`same`), fifty
//! uploads at once (`load`).

mod browser;
mod guard;
mod load;
mod same;

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `redraft serve`, stopped when dropped.
pub struct Served {
    child: Child,
    /// The page's address, token included.
    pub url: String,
    /// The port it listens on.
    pub port: u16,
    /// The session's token.
    pub token: String,
}

impl Served {
    /// Starts `redraft serve` (the binary given in `REDRAFT_BIN`, else the
    /// one cargo built) on a free port.
    pub fn start() -> Served {
        Served::start_with(&[])
    }

    /// Starts it with more variables in its environment.
    pub fn start_with(env: &[(&str, &str)]) -> Served {
        let bin = std::env::var_os("REDRAFT_BIN").map_or_else(
            || std::path::PathBuf::from(env!("CARGO_BIN_EXE_redraft")),
            |b| root().join(b),
        );
        let mut child = Command::new(bin)
            .args(["serve", "--port", "0"])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start redraft serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let port = url["http://127.0.0.1:".len()..]
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let token = url.rsplit_once("token=").unwrap().1.to_string();
        Served {
            child,
            url,
            port,
            token,
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status and body.
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one HTTP/1.1 request to the server (`Connection: close`) with
/// the given headers and body, and reads the answer.
pub fn request(port: u16, head: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    // Fifty long comparisons on a busy machine can keep the last answer
    // waiting many minutes: the time is asserted by the test, not here.
    stream
        .set_read_timeout(Some(Duration::from_secs(3600)))
        .unwrap();
    let mut text = format!(
        "{head} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    Answer { status, body }
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&raw[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    out
}

/// A multipart form of files: (field, file name, bytes); returns its
/// content type and body.
pub fn form(files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    form_with(files, &[])
}

/// A multipart form of files and then text fields (field, value).
pub fn form_with(files: &[(&str, &str, &[u8])], texts: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "redraft-test-boundary-7d41";
    let mut body = Vec::new();
    for (field, name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    for (field, value) in texts {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts the shipped cooperation drafts to `path` as the page does.
pub fn post_pair(served: &Served, path: &str, old: &[u8], new: &[u8]) -> Answer {
    post_form(
        served,
        path,
        form(&[("old", "old.txt", old), ("new", "new.txt", new)]),
    )
}

/// Posts a form (content type, body) to `path` as the page does.
pub fn post_form(served: &Served, path: &str, (kind, body): (String, Vec<u8>)) -> Answer {
    let host = format!("127.0.0.1:{}", served.port);
    request(
        served.port,
        &format!("POST {path}"),
        &[
            ("Host", &host),
            ("X-Redraft-Token", &served.token),
            ("Content-Type", &kind),
        ],
        &body,
    )
}

/// The shipped drafts' bytes.
pub fn cooperation() -> (Vec<u8>, Vec<u8>) {
    (
        std::fs::read(root().join("drafts/cooperation-2020.txt")).unwrap(),
        std::fs::read(root().join("drafts/cooperation-2021.txt")).unwrap(),
    )
}
