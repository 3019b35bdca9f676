//! SARIF 2.1.0 (Static Analysis Results Interchange Format), as GitHub
//! code scanning and other tools upload it: one run of the `redraft`
//! driver, its rules with their default levels, one result per open
//! finding with its file, line and column (in Unicode code points).

use super::Report;
use crate::check::{Finding, Rule, Severity};
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use std::io::{self, Write};

/// The SARIF schema the output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the report as a SARIF 2.1.0 log, streamed: each result is
/// written as it is made, so memory stays that of the findings (a log
/// built as one JSON value first took twelve times that of the JSON
/// report). Keys stand in alphabetical order, as before.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let log = Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results(report),
            tool: Tool { driver: driver() },
        }],
        version: "2.1.0",
    };
    let mut buf = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buf, &log).map_err(io::Error::from)?;
    writeln!(buf)?;
    buf.flush()
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Results<'a>,
    tool: Tool,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    rules: Vec<RuleInfo>,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleInfo {
    default_configuration: Level,
    id: &'static str,
    short_description: Text,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

fn driver() -> Driver {
    let rules = Rule::ALL
        .iter()
        .map(|r| {
            let info = r.info();
            RuleInfo {
                default_configuration: Level {
                    level: level(info.severity),
                },
                id: info.id,
                short_description: Text {
                    text: info.summary.to_string(),
                },
            }
        })
        .collect();
    Driver {
        name: "redraft",
        rules,
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// The open findings of every file, serialised one by one.
struct Results<'a>(&'a Report);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for file in &self.0.files {
            let uri = uri(&file.name);
            for f in file.findings.iter().filter(|f| !f.fixed) {
                seq.serialize_element(&SarifResult::new(&uri, f))?;
            }
        }
        seq.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Text,
    rule_id: &'static str,
    rule_index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_column: usize,
    start_line: usize,
}

impl<'a> SarifResult<'a> {
    fn new(uri: &'a str, f: &Finding) -> SarifResult<'a> {
        SarifResult {
            level: level(f.severity),
            locations: [Location {
                physical_location: Physical {
                    artifact_location: Artifact { uri },
                    region: Region {
                        start_column: f.column,
                        start_line: f.line,
                    },
                },
            }],
            message: Text {
                text: f.full_message(),
            },
            rule_id: f.rule.id(),
            rule_index: Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A relative path as a URI reference: forward slashes, other characters
/// outside the unreserved set percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::findings::tests::sample;

    #[test]
    fn a_sarif_log() {
        let mut out = Vec::new();
        render(&sample(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(
            run["tool"]["driver"]["rules"].as_array().unwrap().len(),
            Rule::ALL.len()
        );
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "symbol");
        assert_eq!(result["level"], "error");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "drafts/a%20b.txt");
        assert_eq!(location["region"]["startLine"], 5);
        assert_eq!(run["results"][1]["level"], "note");
    }
}
