//! Helpers shared by the integration tests: the vector files, status names, the C builds.
#![allow(dead_code)]

pub mod c;
pub mod header;
pub mod usersig;

use std::path::{Path, PathBuf};

use livesign::ffi::status::livesign_status;
use serde_json::Value;

/// The repository's copy of the shared vectors (`tests/vectors/`).
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

/// A vector file, parsed.
pub fn vectors(file: &str) -> Value {
    let path = vectors_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The status whose C name is `name` (e.g. "LIVESIGN_INVALID_KEY").
pub fn status_named(name: &str) -> livesign_status {
    (0..=255)
        .filter_map(livesign_status::from_code)
        .find(|s| format!("{s:?}") == name)
        .unwrap_or_else(|| panic!("no status named {name}"))
}

/// Lowercase hex of arbitrary bytes (used to hand keys to the C tests).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
