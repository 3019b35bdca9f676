//! The `redraft` binary: see [`redraft::cli`].

fn main() -> std::process::ExitCode {
    redraft::cli::main()
}
