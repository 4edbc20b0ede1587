//! The committed `include/livesign.h` must be exactly what cbindgen makes of the crate now,
//! and must export nothing outside the `livesign_` / `LIVESIGN_` namespace.

use std::path::Path;

fn generate() -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    let config = cbindgen::Config::from_file(Path::new(dir).join("cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen failed to parse the crate");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("cbindgen writes UTF-8")
}

#[test]
fn committed_header_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("include/livesign.h");
    let fresh = generate();
    if std::env::var_os("LIVESIGN_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write include/livesign.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default().replace("\r\n", "\n");
    assert!(
        committed == fresh,
        "include/livesign.h is stale; regenerate it with `LIVESIGN_BLESS=1 cargo test --test header`"
    );
}

#[test]
fn every_exported_name_is_prefixed() {
    let header = generate();
    for line in header.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("#define ") {
            let name = rest.split_whitespace().next().unwrap_or_default();
            assert!(name.starts_with("LIVESIGN_"), "unprefixed macro: {line}");
        }
        // `typedef struct {` names its type on the closing `} name;` line.
        let declares_type = (line.starts_with("typedef ") || line.starts_with("enum ") || line.starts_with("struct "))
            && !line.ends_with("struct {")
            && !line.ends_with("enum {");
        if declares_type || (line.starts_with("} ") && line.ends_with(';')) {
            let name = line.trim_end_matches(['{', ';', ' ']).rsplit(' ').next().unwrap_or_default();
            assert!(name.starts_with("livesign_"), "unprefixed type: {line}");
        }
        if let Some(open) = line.find('(')
            && !line.starts_with('*')
            && !line.starts_with("/*")
            && !line.starts_with('#')
        {
            let name = line[..open].rsplit([' ', '*']).next().unwrap_or_default();
            if !name.is_empty() && !line.starts_with("__attribute__") {
                assert!(name.starts_with("livesign_"), "unprefixed function: {line}");
            }
        }
    }
}

#[test]
fn every_function_is_documented() {
    let header = generate();
    let lines: Vec<&str> = header.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.contains("livesign_") && line.contains('(') && !line.starts_with(' ') && !line.starts_with('*') {
            let before = lines[..i].iter().rev().find(|l| !l.trim().is_empty() && !l.starts_with("LIVESIGN_MUST_USE"));
            assert!(
                before.is_some_and(|l| l.trim_end().ends_with("*/")),
                "undocumented function in the header: {line}"
            );
            // Issue 3: every exported item's doc states the no-allocation guarantee.
            let start = lines[..i].iter().rposition(|l| l.trim_start().starts_with("/**")).unwrap();
            let doc: Vec<&str> =
                lines[start..i].iter().flat_map(|l| l.split_whitespace()).filter(|w| *w != "*").collect();
            assert!(
                doc.join(" ").to_lowercase().contains("never allocates"),
                "no allocation promise in the doc of: {line}"
            );
        }
    }
}
