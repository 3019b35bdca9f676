//! The French fixture.
