//! The limits of `redraft serve` (README, "redraft serve"): what one
//! request may upload, and how many may wait.
//!
//! A real draft is well under a megabyte as text and a few megabytes as
//! Word or PDF (pictures included); the generous limits leave room for
//! long reports with annexes while keeping a page from filling the
//! machine's memory: all uploads are held in memory, never on disk.

/// The most one uploaded file may weigh: 32 MiB.
pub const MAX_FILE: usize = 32 << 20;

/// The most files one request may carry (a history of that many versions).
pub const MAX_FILES: usize = 24;

/// The most one request's body may weigh: 100 MiB.
pub const MAX_BODY: usize = 100 << 20;

/// Requests that may wait for a free core; past it the page is told the
/// server is busy (503) rather than queued without end.
pub const MAX_WAITING: usize = 256;
