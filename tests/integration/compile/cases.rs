//! The behaviours the issue names, one test each.
