//! The `redraft` binary: the command line ([`cli`]) over the `redraft`
//! library. It parses arguments, makes one call into the library per
//! command, and prints an error once.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
