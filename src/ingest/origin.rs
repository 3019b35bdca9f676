//! Where the lines of a converted draft came from.
//!
//! A reader that rebuilds paragraphs (text extracted from a PDF) writes a
//! draft whose lines are not the file's lines. An [`Origin`] maps a place
//! in the draft back to the file, so that findings and unit lines name the
//! line a person sees in the file they opened.

/// One stretch of a draft line taken from one line of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte where the stretch starts in the draft line.
    pub draft: usize,
    /// 0-based line of the source.
    pub line: usize,
    /// Byte where the stretch starts in that source line.
    pub column: usize,
}

/// The map from a converted draft back to its source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    source: String,
    source_starts: Vec<usize>,
    lines: Vec<Vec<Piece>>,
}

impl Origin {
    /// A map for `source`, with no draft line yet.
    pub fn new(source: &str) -> Origin {
        let source_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Origin {
            source: source.to_string(),
            source_starts,
            lines: Vec::new(),
        }
    }

    /// Records the pieces of the next draft line.
    pub fn push_line(&mut self, pieces: Vec<Piece>) {
        self.lines.push(pieces);
    }

    /// The 1-based source line of a 1-based draft line (where it starts).
    pub fn line(&self, draft_line: usize) -> usize {
        self.locate(draft_line, 0).0
    }

    /// The 1-based source line and 1-based character column of a byte
    /// column in a 1-based draft line.
    pub fn locate(&self, draft_line: usize, byte: usize) -> (usize, usize) {
        let Some(pieces) = draft_line.checked_sub(1).and_then(|l| self.lines.get(l)) else {
            return (draft_line, byte + 1);
        };
        let Some(piece) = pieces
            .iter()
            .rev()
            .find(|p| p.draft <= byte)
            .or(pieces.first())
        else {
            return (draft_line, byte + 1);
        };
        let start = self.source_starts.get(piece.line).copied().unwrap_or(0);
        let end = self
            .source_starts
            .get(piece.line + 1)
            .copied()
            .unwrap_or(self.source.len());
        let line = self.source.get(start..end).unwrap_or("");
        let mut at = (piece.column + byte.saturating_sub(piece.draft)).min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        (piece.line + 1, line[..at].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_a_joined_paragraph() {
        let mut origin = Origin::new("title\n\nfirst half of\n\n second half.\n");
        origin.push_line(vec![Piece {
            draft: 0,
            line: 0,
            column: 0,
        }]);
        origin.push_line(vec![
            Piece {
                draft: 0,
                line: 2,
                column: 0,
            },
            Piece {
                draft: 14,
                line: 4,
                column: 1,
            },
        ]);
        assert_eq!(origin.line(2), 3);
        assert_eq!(origin.locate(2, 6), (3, 7));
        assert_eq!(origin.locate(2, 21), (5, 9));
        assert_eq!(origin.locate(9, 3), (9, 4));
    }
}
