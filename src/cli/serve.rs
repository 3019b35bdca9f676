//! `redraft serve [--port N] [--address IP] [--open]`: the local page (see
//! [`redraft::serve`]). Prints the page's address (with its token) and
//! serves until stopped with Ctrl-C.

use super::EXIT_OK;
use redraft::error::Result;
use redraft::serve::Server;
use std::io::Write;
use std::net::IpAddr;

/// Arguments of `redraft serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on [default: a free port].
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The loopback address to listen on: 127.0.0.1 (or another
    /// 127.x.y.z) or ::1; any other address is refused.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    address: IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
}

/// Runs `redraft serve`.
pub fn run(args: &Args) -> Result<u8> {
    let server = Server::bind(args.address, args.port)?;
    let url = server.url();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "redraft serve: open {url}");
    let _ = writeln!(
        out,
        "(listening on {} only; drafts stay in this computer's memory; Ctrl-C stops)",
        server.address()
    );
    let _ = out.flush();
    drop(out);
    if args.open {
        open_browser(&url);
    }
    server.run()?;
    Ok(EXIT_OK)
}

/// Opens `url` in the default browser; says so on standard error when it
/// cannot (the address is printed anyway).
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        eprintln!("redraft: cannot open a browser ({e}); open the address above");
    }
}
