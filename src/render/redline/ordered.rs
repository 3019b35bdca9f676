//! Rendering on every core, written in order: the pieces of a page are
//! made by the next free thread and written by the calling one as soon as
//! all before them are, so that rendering and writing overlap, threads are
//! started once a page (not once a group of units), and only the pieces
//! made ahead of the writer sit in memory.
//!
//! ```
//! use redraft::render::redline::ordered::render_in_order;
//! let mut out = Vec::new();
//! render_in_order(5, |k| k.to_string(), |s| {
//!     out.extend_from_slice(s.as_bytes());
//!     Ok(())
//! })
//! .unwrap();
//! assert_eq!(out, b"01234");
//! ```

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Makes pieces `0..count` with `make` (on every thread
/// [`crate::parallel::threads`] allows, the calling one included) and
/// hands each to `write` in order, on the calling thread. The first error
/// of `write` stops the work and is returned. With one thread, or one
/// piece, everything runs on the calling thread, piece after piece.
pub fn render_in_order<M, W>(count: usize, make: M, mut write: W) -> io::Result<()>
where
    M: Fn(usize) -> String + Sync,
    W: FnMut(&str) -> io::Result<()>,
{
    let helpers = if count < 2 {
        0
    } else {
        crate::parallel::threads().min(count) - 1
    };
    if helpers == 0 {
        return (0..count).try_for_each(|k| write(&make(k)));
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let take = || {
        let k = next.fetch_add(1, Ordering::Relaxed);
        (k < count && !stop.load(Ordering::Relaxed)).then_some(k)
    };
    // Room for a few pieces a helper: a slow writer holds the helpers back
    // instead of letting the page pile up in memory.
    let (sender, receiver) = mpsc::sync_channel::<(usize, String)>(2 * helpers);
    std::thread::scope(|s| {
        for _ in 0..helpers {
            let sender = sender.clone();
            let (take, make) = (&take, &make);
            s.spawn(move || {
                while let Some(k) = take() {
                    if sender.send((k, make(k))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut writer = Writer {
            pending: BTreeMap::new(),
            written: 0,
            write: &mut write,
        };
        let result = writer.run(count, &take, &make, &receiver);
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(receiver);
        result
    })
}

/// The calling thread's side: makes pieces too, and writes every piece
/// whose predecessors are written.
struct Writer<'w, W> {
    pending: BTreeMap<usize, String>,
    written: usize,
    write: &'w mut W,
}

impl<W: FnMut(&str) -> io::Result<()>> Writer<'_, W> {
    fn run(
        &mut self,
        count: usize,
        take: &dyn Fn() -> Option<usize>,
        make: &dyn Fn(usize) -> String,
        receiver: &mpsc::Receiver<(usize, String)>,
    ) -> io::Result<()> {
        while let Some(k) = take() {
            self.pending.insert(k, make(k));
            self.pending.extend(receiver.try_iter());
            self.flush()?;
        }
        while self.written < count {
            match receiver.recv() {
                Ok((k, piece)) => {
                    self.pending.insert(k, piece);
                    self.flush()?;
                }
                // Every helper has finished: what is pending is all there is.
                Err(_) => break,
            }
        }
        self.flush()
    }

    /// Writes the pieces that come next in order.
    fn flush(&mut self) -> io::Result<()> {
        while let Some(piece) = self.pending.remove(&self.written) {
            (self.write)(&piece)?;
            self.written += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_written_in_order() {
        let mut out = String::new();
        let make = |k: usize| {
            // Uneven work, so that pieces finish out of order.
            let spin = (k * 7919) % 50_000;
            let sum: usize = (0..spin).fold(0, |a, b| a.wrapping_add(b * b));
            format!("{k}:{}|", u8::from(sum == usize::MAX))
        };
        render_in_order(300, make, |s| {
            out.push_str(s);
            Ok(())
        })
        .unwrap();
        let expected: String = (0..300).map(|k| format!("{k}:0|")).collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn a_write_error_stops_the_work() {
        let mut seen = 0;
        let result = render_in_order(
            1000,
            |k| k.to_string(),
            |_| {
                seen += 1;
                if seen == 3 {
                    Err(io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result.map_err(|e| e.to_string()), Err("disk full".into()));
        assert_eq!(seen, 3);
    }
}
