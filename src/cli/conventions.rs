//! The conventions of the ecosystem: `redraft completions SHELL` (from
//! the clap definitions, by `clap_complete`), `redraft man` (a roff page,
//! by `clap_mangen`) and `redraft text FILE` (a draft's text as read, for
//! git's `textconv`: README, "git").

use super::{Cli, DraftArgs, EXIT_OK};
use clap::CommandFactory;
use redraft::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `redraft completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: clap_complete::Shell,
}

/// Writes the completion script of a shell to standard output.
pub fn completions(args: &CompletionsArgs) -> Result<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "redraft", &mut out);
    stdout(&out)
}

/// Writes the manual page (roff) to standard output.
pub fn man() -> Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(stdout_error)?;
    stdout(&out)
}

/// Arguments of `redraft text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The draft: plain text, Word (.docx), PDF, or text copied from a
    /// PDF; `-` reads standard input.
    file: PathBuf,
    #[command(flatten)]
    draft: DraftArgs,
}

/// Writes a draft's text as redraft reads it: a Word document with its
/// tracked changes accepted (or rejected), a PDF without its page
/// furniture; one paragraph a block.
pub fn text(args: &TextArgs) -> Result<u8> {
    let source = redraft::ingest::read_with(&args.file, &args.draft.load_options().read)?;
    let mut text = source.text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    stdout(text.as_bytes())
}

fn stdout(bytes: &[u8]) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(EXIT_OK),
        // A closed pipe (`redraft man | head`) is not trouble.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_OK),
        Err(e) => Err(stdout_error(e)),
    }
}

fn stdout_error(source: std::io::Error) -> Error {
    Error::Write {
        path: PathBuf::from("<stdout>"),
        source,
    }
}

/// Examples ending `redraft serve --help`.
pub const EXAMPLES_SERVE: &str = "\
Examples:
  redraft serve --open              # a free port; the page opens in the browser
  redraft serve --port 8765         # then open the address it prints
  redraft serve --address ::1       # IPv6 loopback (other addresses are refused)";

/// Examples ending `redraft text --help`.
pub const EXAMPLES_TEXT: &str = "\
Examples:
  redraft text draft.docx                   # the text, tracked changes accepted
  redraft text draft.docx --revisions reject
  git config diff.redraft.textconv 'redraft text'   # with '*.docx diff=redraft' in .gitattributes";

/// Examples ending `redraft completions --help`.
pub const EXAMPLES_COMPLETIONS: &str = "\
Examples:
  redraft completions bash > ~/.local/share/bash-completion/completions/redraft
  redraft completions zsh > ~/.zfunc/_redraft       # with fpath+=(~/.zfunc)
  redraft completions fish > ~/.config/fish/completions/redraft.fish";

/// Examples ending `redraft man --help`.
pub const EXAMPLES_MAN: &str = "\
Examples:
  redraft man > redraft.1 && man ./redraft.1
  redraft man | gzip > ~/.local/share/man/man1/redraft.1.gz";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's `--help` ends with two or three examples, each a
    /// command line that begins with `redraft` (or feeds one).
    #[test]
    fn every_help_ends_with_examples() {
        let mut command = Cli::command();
        command.build();
        for sub in command.get_subcommands_mut() {
            let name = sub.get_name().to_string();
            if name == "help" {
                continue;
            }
            let help = sub.render_long_help().to_string();
            let (_, tail) = help
                .rsplit_once("Examples:\n")
                .unwrap_or_else(|| panic!("{name}: no examples at the end of --help"));
            let lines: Vec<&str> = tail.lines().filter(|l| !l.trim().is_empty()).collect();
            assert!(
                (2..=4).contains(&lines.len()),
                "{name}: {} example lines",
                lines.len()
            );
            assert!(
                lines.iter().all(|l| l.contains("redraft ")),
                "{name}: an example that does not run redraft: {lines:?}"
            );
        }
    }

    #[test]
    fn completions_and_man_come_from_the_definitions() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "redraft", &mut out);
            let script = String::from_utf8(out).unwrap();
            for word in ["split-revisions", "revisions", "history", "serve"] {
                assert!(script.contains(word), "{shell}: no {word}");
            }
        }
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command())
            .render(&mut page)
            .unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with(".ie"), "not roff");
        assert!(
            page.contains("redraft\\-diff") || page.contains("diff"),
            "{page}"
        );
    }
}
