//! Giving memory back after each job. A comparison of two long drafts
//! allocates hundreds of megabytes, freed when it ends; glibc's allocator
//! keeps freed memory in its arenas, so a server that has compared many
//! drafts would hold its peak for ever. `malloc_trim(0)` returns the free
//! pages to the system, so that the server's memory falls back to its
//! baseline between jobs (the load test checks it). Elsewhere (macOS,
//! Windows, musl) the system allocator needs no such call and this does
//! nothing.

/// Returns free heap memory to the operating system, where the allocator
/// keeps it otherwise.
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own
    // arenas; it takes no pointer and is safe to call from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
