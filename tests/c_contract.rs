//! C tests of the contract every export shares: `tests/c/null_args.c` calls every function of
//! the header with NULL pointers, zero lengths and NULL outputs (and this file fails when a
//! function of the header is missing from it), and `tests/c/hmac_key.c` observes from C that a
//! key context holds no key bytes and that wiping leaves none of its bytes set.

mod support;

use std::path::Path;

#[test]
fn every_header_function_is_called_by_the_null_test() {
    let names = support::header::functions(&support::header::text());
    assert!(names.len() >= 22, "found only {} functions: {names:?}", names.len());
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/c/null_args.c")).unwrap();
    let missing: Vec<&String> = names.iter().filter(|n| !src.contains(&format!("{n}("))).collect();
    assert!(missing.is_empty(), "tests/c/null_args.c never calls {missing:?}: add their NULL and zero-length cases");
}

/// `text` without its `/* ... */` comments.
fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The arguments of every call of `name(` in `src`, split at top-level commas, with the
/// test's `LIT("...")` macro counted as the two arguments it expands to.
fn calls(src: &str, name: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in src.match_indices(&format!("{name}(")) {
        if src[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (mut depth, mut args, mut cur) = (1, Vec::new(), String::new());
        for c in src[at + name.len() + 1..].chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            if c == ',' && depth == 1 {
                args.push(core::mem::take(&mut cur).trim().to_owned());
            } else {
                cur.push(c);
            }
        }
        args.push(cur.trim().to_owned());
        let mut expanded = Vec::new();
        for a in args.into_iter().filter(|a| !a.is_empty()) {
            if a.starts_with("LIT(") {
                expanded.push(a);
                expanded.push("sizeof".to_owned());
            } else {
                expanded.push(a);
            }
        }
        found.push(expanded);
    }
    found
}

/// Issue 9: "every exported function tolerates NULL and zero lengths". For every pointer
/// parameter of every function of the header, `null_args.c` makes a call with NULL in that
/// place (and, for an input `(const T *p, size_t len)`, one with NULL and a non-zero length,
/// which must be `LIVESIGN_INVALID_ARGUMENT`), so no parameter goes untried.
#[test]
fn every_pointer_parameter_is_called_with_null() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let header = strip_comments(&support::header::text());
    let src = strip_comments(&std::fs::read_to_string(root.join("tests/c/null_args.c")).unwrap());
    let mut missing = Vec::new();
    for name in support::header::functions(&support::header::text()) {
        let decl = calls(&header, &name);
        let params = decl.first().unwrap_or_else(|| panic!("no declaration of {name}"));
        let params: Vec<&String> = params.iter().filter(|p| p.as_str() != "void").collect();
        let used: Vec<Vec<String>> = calls(&src, &name).into_iter().filter(|a| a.len() == params.len()).collect();
        for (i, p) in params.iter().enumerate() {
            if !p.contains('*') {
                continue;
            }
            let input = p.starts_with("const ") && params.get(i + 1).is_some_and(|n| n.starts_with("size_t "));
            let tried = used.iter().any(|a| a[i] == "NULL" && (!input || a[i + 1] != "0"));
            if !tried {
                missing.push(format!("{name}: {p}{}", if input { " (NULL with a length)" } else { " (NULL)" }));
            }
        }
    }
    assert!(missing.is_empty(), "tests/c/null_args.c never passes NULL for:\n{}", missing.join("\n"));
}

#[test]
fn c_null_args() {
    let exe = support::c::build("null_args");
    let out = support::c::run(&exe, &[], "");
    assert!(out.contains("C null_args: "), "{out}");
}

#[test]
fn c_hmac_key_wipe() {
    let mut keys: Vec<Vec<u8>> = vec![b"123654".to_vec(), vec![0xff; 1], vec![0x5a; 64], vec![7; 65], vec![0; 200]];
    for v in support::vectors("tencent_sign.json")["vectors"].as_array().unwrap() {
        keys.push(v["key"].as_str().unwrap().as_bytes().to_vec());
    }
    let input: String = keys.iter().filter(|k| !k.is_empty()).map(|k| support::hex(k) + "\n").collect();
    let exe = support::c::build("hmac_key");
    let out = support::c::run(&exe, &[], &input);
    assert!(out.contains(&format!("{} keys", input.lines().count())), "{out}");
}
