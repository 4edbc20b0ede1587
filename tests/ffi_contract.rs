//! Source-level guarantees of the C boundary that the compiler cannot check: every exported
//! function that returns a status runs its body inside `boundary` (so a panic becomes
//! `LIVESIGN_INTERNAL` instead of unwinding into C).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, subfolders included, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The names of the status-returning exports of `src`, after checking that each starts its
/// body with `boundary(`.
fn checked_exports(path: &Path, src: &str) -> Vec<String> {
    let mut names = Vec::new();
    for item in src.split("#[unsafe(no_mangle)]").skip(1) {
        let signature = &item[..item.find('{').unwrap()];
        let name = signature.split("fn ").nth(1).and_then(|s| s.split('(').next()).unwrap();
        if signature.contains("-> livesign_status") {
            let body = &item[item.find('{').unwrap()..];
            let first_statement = body[1..].trim_start();
            assert!(
                first_statement.starts_with("boundary("),
                "{}: {name} must start its body with boundary(...)",
                path.display()
            );
            names.push(name.to_owned());
        }
    }
    names
}

#[test]
fn every_status_returning_export_runs_inside_the_panic_boundary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = BTreeSet::new();
    for path in rust_files(&root.join("src/ffi")) {
        let src = std::fs::read_to_string(&path).unwrap();
        for name in checked_exports(&path, &src) {
            assert!(found.insert(name.clone()), "{name} is exported twice");
        }
    }
    // The header lists every status-returning function the library exports, wherever its
    // source lives: the scan above must have seen (and checked) each of them.
    let header = std::fs::read_to_string(root.join("include/livesign.h")).unwrap();
    let declared: BTreeSet<String> = header
        .lines()
        .filter_map(|line| line.strip_prefix("livesign_status "))
        .filter_map(|rest| rest.split_once('('))
        .map(|(name, _)| name.to_owned())
        .collect();
    assert!(declared.len() >= 50, "found only {} status-returning functions in the header", declared.len());
    assert_eq!(found, declared, "the exports seen under src/ffi and the header's status-returning functions differ");
}

#[test]
fn the_scan_enters_subfolders() {
    let dir = std::env::temp_dir().join(format!("livesign-ffi-contract-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    for file in ["top.rs", "sub/a.rs", "sub/deeper/b.rs", "sub/notes.txt"] {
        std::fs::write(dir.join(file), "").unwrap();
    }
    let files = rust_files(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let names: Vec<_> = files.iter().map(|p| p.strip_prefix(&dir).unwrap().to_path_buf()).collect();
    assert_eq!(names, ["sub/a.rs", "sub/deeper/b.rs", "top.rs"].map(PathBuf::from));
    // And the boundary check itself catches a body that does not start with it.
    let bad = "#[unsafe(no_mangle)]\npub extern \"C\" fn livesign_x() -> livesign_status { work() }";
    let caught = std::panic::catch_unwind(|| checked_exports(Path::new("x.rs"), bad));
    assert!(caught.is_err());
    let good = "#[unsafe(no_mangle)]\npub extern \"C\" fn livesign_x() -> livesign_status { boundary(|| Ok(())) }";
    assert_eq!(checked_exports(Path::new("x.rs"), good), ["livesign_x"]);
}
