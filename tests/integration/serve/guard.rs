//! Requests that are not the page's own are refused; the server listens
//! on loopback only; bad uploads get one message, and the server lives on.

use super::*;

fn post_with(served: &Served, headers: &[(&str, &str)]) -> Answer {
    let (old, new) = cooperation();
    let (kind, body) = form(&[("old", "old.txt", &old), ("new", "new.txt", &new)]);
    let mut all = vec![("Content-Type", kind.as_str())];
    all.extend_from_slice(headers);
    request(served.port, "POST /api/compare", &all, &body)
}

#[test]
fn requests_without_the_token_or_from_elsewhere_are_refused() {
    let served = Served::start();
    let host = format!("127.0.0.1:{}", served.port);
    let own = format!("http://127.0.0.1:{}", served.port);
    let token = served.token.as_str();
    let ok = post_with(
        &served,
        &[
            ("Host", &host),
            ("Origin", &own),
            ("X-Redraft-Token", token),
        ],
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
    let refused: [(&str, Vec<(&str, &str)>); 5] = [
        ("no token", vec![("Host", &host), ("Origin", &own)]),
        (
            "a wrong token",
            vec![
                ("Host", &host),
                ("X-Redraft-Token", "00112233445566778899aabbccddeeff"),
            ],
        ),
        (
            "a foreign Origin",
            vec![
                ("Host", &host),
                ("Origin", "http://attacker.test"),
                ("X-Redraft-Token", token),
            ],
        ),
        (
            "a rebound Host",
            vec![("Host", "attacker.test"), ("X-Redraft-Token", token)],
        ),
        (
            "a cross-site fetch",
            vec![
                ("Host", &host),
                ("Sec-Fetch-Site", "cross-site"),
                ("X-Redraft-Token", token),
            ],
        ),
    ];
    for (what, headers) in refused {
        let answer = post_with(&served, &headers);
        assert_eq!(answer.status, 403, "{what}: {}", answer.text());
        assert!(
            answer.text().starts_with("refused"),
            "{what}: {}",
            answer.text()
        );
    }
    let page = request(served.port, "GET /", &[("Host", &host)], b"");
    assert_eq!(page.status, 403, "the page without its token");
    let page = request(
        served.port,
        &format!("GET /?token={token}"),
        &[("Host", &host)],
        b"",
    );
    assert_eq!(page.status, 200);
    assert!(page.text().contains(&format!("content=\"{token}\"")));
}

/// Listening sockets on `port` in /proc/net/tcp and tcp6, as (address
/// in hexadecimal, family).
fn listening(port: u16) -> Vec<String> {
    let mut found = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).unwrap_or_default();
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state)) = (fields.get(1), fields.get(3)) else {
                continue;
            };
            let (addr, p) = local.split_once(':').unwrap();
            if *state == "0A" && u16::from_str_radix(p, 16).unwrap() == port {
                found.push(addr.to_string());
            }
        }
    }
    found
}

#[test]
fn it_listens_on_loopback_only_and_refuses_other_addresses() {
    let served = Served::start();
    let sockets = listening(served.port);
    assert!(
        !sockets.is_empty(),
        "no listening socket found on {}",
        served.port
    );
    // 127.0.0.1 as /proc writes it (little-endian).
    assert!(sockets.iter().all(|a| a == "0100007F"), "{sockets:?}");
    for other in ["0.0.0.0", "::", "192.168.1.10"] {
        let out = redraft(&["serve", "--address", other, "--port", "0"]);
        assert_eq!(out.status.code(), Some(2), "{other}");
        assert!(
            stderr(&out).contains("loopback"),
            "{other}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn bad_uploads_get_one_message_and_the_server_lives_on() {
    let served = Served::start();
    let (old, new) = cooperation();
    let binary: Vec<u8> = b"\x89PNG\r\n\x1a\n"
        .iter()
        .copied()
        .chain((0..=255).cycle().take(4096))
        .collect();
    let answer = post_pair(&served, "/api/compare", &old, &binary);
    assert_eq!(answer.status, 422, "{}", answer.text());
    let message: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    let message = message["error"].as_str().unwrap();
    assert!(message.starts_with("new.txt: "), "{message}");
    let huge = vec![b'a'; redraft::serve::limits::MAX_FILE + 1];
    let answer = post_pair(&served, "/api/compare", &old, &huge);
    assert_eq!(answer.status, 413, "{}", answer.text());
    assert!(answer.text().contains("32 MiB"), "{}", answer.text());
    let answer = post_pair(&served, "/api/download/exe", &old, &new);
    assert_eq!(answer.status, 404);
    let answer = post_pair(&served, "/api/compare", &old, &new);
    assert_eq!(answer.status, 200, "the server answers after bad input");
}

/// A file of a form: field, file name, bytes.
type File<'a> = (&'a str, &'a str, &'a [u8]);

#[test]
fn compile_requests_are_guarded_and_bad_proposals_named() {
    let served = Served::start();
    let (base, _) = cooperation();
    let ue = std::fs::read(fixture("compile-french/proposals/UE.txt")).unwrap();
    let binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let files = [
        ("base", "base.txt", &base[..]),
        ("proposal", "UE.txt", &ue[..]),
    ];
    let (kind, body) = form(&files);
    let host = format!("127.0.0.1:{}", served.port);
    for path in ["POST /api/compile", "POST /api/compile/download/docx"] {
        let headers = [("Host", host.as_str()), ("Content-Type", kind.as_str())];
        let answer = request(served.port, path, &headers, &body);
        assert_eq!(answer.status, 403, "{path} without the token");
    }
    let error = |answer: &Answer| -> String {
        let v: serde_json::Value = serde_json::from_slice(&answer.body).expect("JSON");
        v["error"].as_str().expect("an error").to_string()
    };
    let cases: [(&str, Vec<File>, &str); 4] = [
        (
            "a binary proposal",
            vec![files[0], files[1], ("proposal", "photo.png", &binary)],
            "photo.png: ",
        ),
        ("no base", vec![files[1]], "choose the base draft"),
        ("no proposal", vec![files[0]], "proposals"),
        (
            "one delegation twice",
            vec![files[0], files[1], ("proposal", "dir/UE.txt", &ue)],
            "UE.txt: the delegation name 'UE' is given twice",
        ),
    ];
    for (what, files, expected) in cases {
        let answer = post_form(&served, "/api/compile", form(&files));
        assert_eq!(answer.status, 422, "{what}: {}", answer.text());
        let message = error(&answer);
        assert!(message.contains(expected), "{what}: {message}");
        assert!(!message.contains('\n'), "{what}: one line");
    }
    let answer = post_form(&served, "/api/compile/download/exe", form(&files));
    assert_eq!(answer.status, 404);
    let answer = post_form(&served, "/api/compile", form(&files));
    assert_eq!(answer.status, 200, "the server compiles after bad input");
}
