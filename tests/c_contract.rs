//! C tests of the contract every export shares: `tests/c/null_args.c` calls every function of
//! the header with NULL pointers, zero lengths and NULL outputs (and this file fails when a
//! function of the header is missing from it), and `tests/c/hmac_key.c` observes from C that a
//! key context holds no key bytes and that wiping leaves none of its bytes set.

mod support;

use std::path::Path;

/// The names of the functions `include/livesign.h` declares.
fn header_functions() -> Vec<String> {
    let header = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("include/livesign.h")).unwrap();
    let mut names: Vec<String> = header
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('*') && !l.starts_with('#') && !l.starts_with("/*"))
        .filter_map(|l| {
            let open = l.find('(')?;
            let name = l[..open].rsplit([' ', '*']).next()?;
            name.starts_with("livesign_").then(|| name.to_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_header_function_is_called_by_the_null_test() {
    let names = header_functions();
    assert!(names.len() >= 22, "found only {} functions: {names:?}", names.len());
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/c/null_args.c")).unwrap();
    let missing: Vec<&String> = names.iter().filter(|n| !src.contains(&format!("{n}("))).collect();
    assert!(missing.is_empty(), "tests/c/null_args.c never calls {missing:?}: add their NULL and zero-length cases");
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
