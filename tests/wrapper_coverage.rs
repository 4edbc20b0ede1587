//! Every function and every status of `include/livesign.h` must be reached by every wrapper:
//! the C++ header calls each C function by name, the Swift module too, and the Kotlin
//! wrapper's JNI layer (`src/ffi/jni/`); each wrapper names every status. A new export or
//! status fails this test until all three wrappers cover it.

use std::path::Path;

fn read(rel: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(rel);
    if path.is_dir() {
        let mut all = String::new();
        let mut dirs = vec![path];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|e| e == "swift" || e == "kt" || e == "rs") {
                    all += &std::fs::read_to_string(&p).unwrap();
                }
            }
        }
        all
    } else {
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Function names declared in the header.
fn functions(header: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in header.lines() {
        if line.starts_with(' ') || line.starts_with('*') || line.starts_with('/') || line.starts_with('#') {
            continue;
        }
        if let Some(open) = line.find('(') {
            let name = line[..open].rsplit([' ', '*']).next().unwrap_or_default();
            if name.starts_with("livesign_") {
                names.push(name.to_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Status names (`LIVESIGN_X = n,` inside `enum livesign_status`).
fn statuses(header: &str) -> Vec<String> {
    let start = header.find("enum livesign_status").expect("the status enum");
    let body = &header[start..start + header[start..].find("};").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("LIVESIGN_") && l.contains(" = "))
        .map(|l| l.split(' ').next().unwrap().to_owned())
        .collect()
}

fn check(wrapper: &str, text: &str, names: &[String]) -> Vec<String> {
    names.iter().filter(|n| !text.contains(n.as_str())).map(|n| format!("{wrapper}: {n}")).collect()
}

#[test]
fn every_wrapper_covers_every_function_and_status() {
    let header = read("include/livesign.h");
    let functions = functions(&header);
    let statuses = statuses(&header);
    assert!(functions.len() >= 7 && statuses.len() == 9, "{functions:?} {statuses:?}");

    let cpp = read("bindings/cpp/livesign.hpp");
    let swift = read("bindings/swift/Sources/Livesign");
    let jni = read("src/ffi/jni");
    let kotlin = read("bindings/kotlin/src");
    let mut missing = Vec::new();
    missing.extend(check("C++ livesign.hpp", &cpp, &functions));
    missing.extend(check("C++ livesign.hpp", &cpp, &statuses));
    missing.extend(check("Swift", &swift, &functions));
    missing.extend(check("Swift", &swift, &statuses));
    missing.extend(check("Kotlin JNI (src/ffi/jni/)", &jni, &functions));
    missing.extend(check("Kotlin", &kotlin, &statuses));
    assert!(missing.is_empty(), "not covered by a wrapper:\n{}", missing.join("\n"));
}
