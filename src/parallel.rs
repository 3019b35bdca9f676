//! Both cores, the same bytes: the few places where redraft's work is
//! independent (the two versions read and parsed, the word diffs of the
//! matched pairs, the rendering of units, the files of a batch) run on
//! scoped threads (`std::thread::scope`), and their results are put back in
//! their input order, so the output never depends on how many threads ran.
//!
//! The number of threads is the machine's (`available_parallelism`), or
//! what the environment variable `REDRAFT_THREADS` says: `REDRAFT_THREADS=1`
//! runs everything on the calling thread, the reference run that the tests
//! compare byte for byte with a parallel one. Small inputs stay on one
//! thread: below [`MIN_CHUNK`] items a thread costs more than it saves.
//!
//! ```
//! use redraft::parallel;
//! let squares = parallel::map(&[1, 2, 3, 4], |x| x * x);
//! assert_eq!(squares, [1, 4, 9, 16]);
//! let (a, b) = parallel::join(|| "old".len(), || "new draft".len());
//! assert_eq!((a, b), (3, 9));
//! ```

use std::sync::OnceLock;

/// The environment variable that sets the number of threads (`1`: one
/// thread, no parallelism).
pub const THREADS_VAR: &str = "REDRAFT_THREADS";

/// Fewest items a thread is given: a unit costs a few microseconds to diff
/// or render, a thread some tens to start.
pub const MIN_CHUNK: usize = 64;

/// How many threads redraft uses: `REDRAFT_THREADS` if it is a positive
/// number, else the machine's parallelism (read once).
pub fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| {
        std::env::var(THREADS_VAR)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    })
}

/// Runs `a` and `b`, on two threads when more than one is allowed, and
/// gives both results.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    join_if(true, a, b)
}

/// [`join`] when `worth_it` (the work is large enough to pay for a
/// thread: on a busy machine a thread may wait milliseconds to run), else
/// `a` then `b` on the calling thread.
pub fn join_if<A, B, RA, RB>(worth_it: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    // `worth_it` first: the machine's parallelism is read from the system
    // (cgroup files) the first time, which a small job need never pay.
    if !worth_it || threads() < 2 {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let other = s.spawn(b);
        let first = a();
        (first, joined(other))
    })
}

/// `f` applied to every item, in the items' order; the items are cut into
/// one contiguous chunk a thread.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    map_chunks(items, MIN_CHUNK, |chunk| {
        chunk.iter().map(&f).collect::<Vec<R>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `f` applied to contiguous chunks of `items` (at least `min_chunk` items
/// each, one chunk a thread), the results in the chunks' order. With one
/// thread, or too few items, `f` sees all the items at once.
pub fn map_chunks<T, R, F>(items: &[T], min_chunk: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    let most = items.len() / min_chunk.max(1);
    let chunks = if most < 2 { 1 } else { threads().min(most) };
    if chunks == 1 {
        return vec![f(items)];
    }
    let size = items.len().div_ceil(chunks);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| s.spawn(move || f(chunk)))
            .collect();
        handles.into_iter().map(joined).collect()
    })
}

/// `f` applied to every item, in the items' order, each item a task of its
/// own taken by the next free thread: for few items of uneven cost (the
/// files of a batch), where contiguous chunks would leave a core idle.
pub fn map_each<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = if items.len() < 2 {
        items.len()
    } else {
        threads().min(items.len())
    };
    if workers < 2 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(k) else {
                            return mine;
                        };
                        mine.push((k, f(item)));
                    }
                })
            })
            .collect();
        handles.into_iter().flat_map(joined).collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

/// The result of a scoped thread; a panic in it is carried on to the
/// caller, as it would have been on one thread.
fn joined<R>(handle: std::thread::ScopedJoinHandle<'_, R>) -> R {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_come_back_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let sums = map_chunks(&items, 10, |c| c.to_vec());
        assert_eq!(sums.concat(), items);
        assert_eq!(map(&items, |x| x + 1), (1..1001).collect::<Vec<_>>());
    }

    #[test]
    fn few_items_are_one_chunk() {
        assert_eq!(map_chunks(&[1, 2, 3], 64, |c| c.len()), [3]);
        assert_eq!(map_chunks(&[] as &[u8], 64, |c| c.len()), [0]);
    }

    #[test]
    fn tasks_come_back_in_order() {
        let items: Vec<u64> = (0..300).collect();
        assert_eq!(
            map_each(&items, |x| x * 3),
            (0..300).map(|x| x * 3).collect::<Vec<_>>()
        );
    }

    #[test]
    fn join_gives_both_results_in_order() {
        assert_eq!(join(|| 1, || "two"), (1, "two"));
    }
}
