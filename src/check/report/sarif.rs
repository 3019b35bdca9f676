//! SARIF 2.1.0 (Static Analysis Results Interchange Format), as GitHub
//! code scanning and other tools upload it: one run of the `redraft`
//! driver, its rules with their default levels, one result per open
//! finding with its file, line and column (in Unicode code points).

use super::Report;
use crate::check::{Rule, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The SARIF schema the output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the report as a SARIF 2.1.0 log.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver() },
            "columnKind": "unicodeCodePoints",
            "results": results(report),
        }],
    });
    let text = serde_json::to_string_pretty(&log).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}

fn driver() -> Value {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            let info = r.info();
            json!({
                "id": info.id,
                "shortDescription": { "text": info.summary },
                "defaultConfiguration": { "level": level(info.severity) },
            })
        })
        .collect();
    json!({
        "name": "redraft",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    })
}

fn results(report: &Report) -> Vec<Value> {
    let index = |rule: Rule| Rule::ALL.iter().position(|r| *r == rule).unwrap_or(0);
    report
        .files
        .iter()
        .flat_map(|file| {
            file.findings.iter().filter(|f| !f.fixed).map(move |f| {
                json!({
                    "ruleId": f.rule.id(),
                    "ruleIndex": index(f.rule),
                    "level": level(f.severity),
                    "message": { "text": f.full_message() },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&file.name) },
                            "region": { "startLine": f.line, "startColumn": f.column },
                        },
                    }],
                })
            })
        })
        .collect()
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
    use crate::check::report::tests::sample;

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
