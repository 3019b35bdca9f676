//! `redraft serve`: a page on the loopback address for people who do not
//! use a terminal. They drop two drafts on it and get the redline, the
//! findings of `check`, the Word redline, the amendments and the other
//! formats; three or more drafts give a history; a base draft and
//! delegations' proposals give a compilation ([`compile`]).
//!
//! Drafts under negotiation are confidential, so nothing leaves the
//! machine or touches its disk:
//!
//! - the server listens on a loopback address only ([`Server::bind`]
//!   refuses any other);
//! - the page, its style and its script are compiled into the binary
//!   ([`page`]): nothing is loaded from the network;
//! - uploads live in memory for their request only ([`work`] reads them
//!   with the CLI's readers; a PDF goes to `pdftotext` through a pipe),
//!   within [`limits`];
//! - every request must carry the session's token and name this server in
//!   `Host` and `Origin` ([`guard`]), so that neither another web site in
//!   the same browser nor a DNS-rebinding one can drive it.
//!
//! The work of a request runs on a blocking thread, at most one per core
//! ([`routes`]); the HTTP side is axum on a single-threaded tokio runtime.
//!
//! ```no_run
//! let server = redraft::serve::Server::bind("127.0.0.1".parse().unwrap(), 0).unwrap();
//! println!("{}", server.url());
//! server.run().unwrap();
//! ```

pub mod compile;
pub mod guard;
pub mod limits;
mod memory;
pub mod page;
pub mod routes;
pub mod work;

use crate::error::{Error, Result};
use guard::Token;
use std::net::{IpAddr, SocketAddr, TcpListener};

/// A bound, not yet running server.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    address: SocketAddr,
    token: Token,
}

impl Server {
    /// Binds `ip:port` (port 0: any free port); refuses an address that
    /// is not loopback.
    pub fn bind(ip: IpAddr, port: u16) -> Result<Server> {
        if !guard::loopback(ip) {
            return Err(Error::Usage(format!(
                "refusing to listen on {ip}: redraft serve listens on the loopback address only (127.0.0.1 or ::1), so that no other machine can reach the drafts"
            )));
        }
        let listener = TcpListener::bind((ip, port)).map_err(|e| {
            Error::Usage(format!(
                "cannot listen on {}: {e}",
                SocketAddr::new(ip, port)
            ))
        })?;
        let address = listener.local_addr().map_err(io_error)?;
        let token = Token::random().map_err(io_error)?;
        Ok(Server {
            listener,
            address,
            token,
        })
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The page's address, token included: the one to open.
    pub fn url(&self) -> String {
        format!("http://{}/?token={}", self.address, self.token.as_str())
    }

    /// Serves until the process is stopped.
    pub fn run(self) -> Result<()> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let state = routes::AppState::new(self.token, self.address.port(), workers);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(io_error)?;
        self.listener.set_nonblocking(true).map_err(io_error)?;
        runtime
            .block_on(async move {
                let listener = tokio::net::TcpListener::from_std(self.listener)?;
                axum::serve(listener, routes::router(state)).await
            })
            .map_err(io_error)
    }
}

fn io_error(e: std::io::Error) -> Error {
    Error::Usage(format!("redraft serve: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_is_bound() {
        for refused in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1"] {
            let err = Server::bind(refused.parse().unwrap(), 0).unwrap_err();
            assert!(err.to_string().contains("loopback"), "{refused}: {err}");
        }
        let server = Server::bind("127.0.0.1".parse().unwrap(), 0).unwrap();
        assert!(server.address().ip().is_loopback());
        assert!(server.url().contains("?token="));
    }
}
