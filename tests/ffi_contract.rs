//! Source-level guarantees of the C boundary that the compiler cannot check: every exported
//! function that returns a status runs its body inside `boundary` (so a panic becomes
//! `LIVESIGN_INTERNAL` instead of unwinding into C).

use std::path::Path;

#[test]
fn every_status_returning_export_runs_inside_the_panic_boundary() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ffi")];
    let mut exports = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
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
                    exports += 1;
                }
            }
        }
    }
    assert!(exports >= 2, "found only {exports} status-returning exports");
}
