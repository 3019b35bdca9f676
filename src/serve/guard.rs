//! Who may use the page: the loopback address only, the session's token
//! on every request, and `Host`/`Origin` headers naming this server.
//!
//! A web site open in the same browser can send requests to
//! `127.0.0.1:PORT` but cannot read the page, so it never learns the
//! token; a site that rebinds its own name to 127.0.0.1 (DNS rebinding)
//! can read the page only through its own `Host`, which is refused. So:
//!
//! - the server binds a loopback address ([`loopback`]): `127.0.0.0/8` or
//!   `::1`, never `0.0.0.0` or a network interface;
//! - every request carries the [`Token`] (the page's address carries it as
//!   `?token=`, the page's own requests as the `X-Redraft-Token` header),
//!   compared in constant time;
//! - `Host` must be `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`
//!   ([`host_allowed`]), and an `Origin`, when the browser sends one, the
//!   same with `http://` ([`origin_allowed`]).
//!
//! ```
//! use redraft::serve::guard::{host_allowed, origin_allowed};
//! assert!(host_allowed("127.0.0.1:8765", 8765));
//! assert!(!host_allowed("evil.example:8765", 8765));
//! assert!(origin_allowed("http://localhost:8765", 8765));
//! assert!(!origin_allowed("https://evil.example", 8765));
//! ```

use std::net::IpAddr;

/// The name of the header that carries the token on the page's requests.
pub const TOKEN_HEADER: &str = "x-redraft-token";

/// The session's secret: 128 random bits, as 32 hexadecimal digits.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// A new random token from the operating system's generator.
    pub fn random() -> std::io::Result<Token> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Token(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// The token as it goes in the address and the header.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is the token, compared in time that does not
    /// depend on where they differ.
    pub fn matches(&self, given: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

/// Whether an address is loopback (`127.0.0.0/8`, `::1`, or an IPv4
/// loopback written as IPv6).
///
/// ```
/// use redraft::serve::guard::loopback;
/// assert!(loopback("127.0.0.1".parse().unwrap()));
/// assert!(loopback("::1".parse().unwrap()));
/// assert!(!loopback("0.0.0.0".parse().unwrap()));
/// assert!(!loopback("192.168.1.10".parse().unwrap()));
/// ```
pub fn loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// The host names the page may be reached by.
const HOSTS: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// Whether a `Host` header names this server: a loopback name and its
/// port.
pub fn host_allowed(host: &str, port: u16) -> bool {
    let Some((name, given)) = host.rsplit_once(':') else {
        return false;
    };
    given == port.to_string() && HOSTS.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// Whether an `Origin` header is the page's own: `http://` and an allowed
/// host.
pub fn origin_allowed(origin: &str, port: u16) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|host| host_allowed(host, port))
}

/// The token in a query string (`token=…`), if any.
///
/// ```
/// use redraft::serve::guard::token_in_query;
/// assert_eq!(token_in_query("a=1&token=abc"), Some("abc"));
/// assert_eq!(token_in_query("tokens=abc"), None);
/// ```
pub fn token_in_query(query: &str) -> Option<&str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let (a, b) = (Token::random().unwrap(), Token::random().unwrap());
        assert_ne!(a.as_str(), b.as_str());
        assert_eq!(a.as_str().len(), 32);
        assert!(a.matches(a.as_str()));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(&a.as_str()[..31]));
        assert!(!a.matches(""));
    }

    #[test]
    fn foreign_hosts_and_origins_are_refused() {
        for bad in [
            "127.0.0.1:80",
            "127.0.0.1",
            "attacker.test:8765",
            "127.0.0.1.nip.io:8765",
            "",
        ] {
            assert!(!host_allowed(bad, 8765), "{bad}");
        }
        assert!(host_allowed("[::1]:8765", 8765));
        assert!(host_allowed("LOCALHOST:8765", 8765));
        for bad in [
            "null",
            "https://127.0.0.1:8765",
            "http://attacker.test:8765",
            "http://127.0.0.1:9",
        ] {
            assert!(!origin_allowed(bad, 8765), "{bad}");
        }
    }

    #[test]
    fn mapped_loopback_is_loopback() {
        assert!(loopback("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!loopback("::".parse().unwrap()));
        assert!(!loopback("::ffff:10.0.0.1".parse().unwrap()));
    }
}
