//! Every function and every status of `include/livesign.h` must be reached by every wrapper:
//! the C++ header calls each C function by name, the Swift module too, and the Kotlin
//! wrapper's JNI layer (`src/ffi/jni/`); each wrapper names every status. A new export or
//! status fails this test until all three wrappers cover it.

mod support;

use std::path::Path;

use support::header::{functions, names};

/// The text of a source file or directory without its comments (`/* ... */` blocks, KDoc and
/// Swift/C++ doc blocks included, and `//` lines), so a name only mentioned in documentation
/// does not count as covered.
fn code(rel: &str) -> String {
    strip_comments(&read(rel))
}

fn strip_comments(text: &str) -> String {
    let mut rest = text;
    let mut out = String::new();
    while let Some(open) = rest.find("/*") {
        out += &rest[..open];
        rest = rest[open + 2..].find("*/").map_or("", |close| &rest[open + 2 + close + 2..]);
    }
    out += rest;
    out.lines().map(|l| l.find("//").map_or(l, |i| &l[..i])).collect::<Vec<_>>().join("\n")
}

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
                } else if p.extension().is_some_and(|e| ["swift", "kt", "rs", "cpp", "hpp"].iter().any(|x| e == *x)) {
                    all += &std::fs::read_to_string(&p).unwrap();
                }
            }
        }
        all
    } else {
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Status names and numbers (`LIVESIGN_X = n,` inside `enum livesign_status`).
fn statuses(header: &str) -> Vec<(String, u32)> {
    let start = header.find("enum livesign_status").expect("the status enum");
    let body = &header[start..start + header[start..].find("};").unwrap()];
    body.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_suffix(',').and_then(|l| l.split_once(" = ")))
        .filter(|(name, _)| name.starts_with("LIVESIGN_"))
        .map(|(name, n)| (name.to_owned(), n.parse().unwrap()))
        .collect()
}

/// Every `LIVESIGN_...` constant: the `#define`s with a value and the enum values.
fn constants(header: &str) -> Vec<String> {
    let mut names: Vec<String> = header
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let define = l.strip_prefix("#define ").and_then(|d| d.split_once(' ')).map(|(name, _)| name);
            define.or_else(|| l.split_once(" = ").map(|(name, _)| name))
        })
        .filter(|n| n.starts_with("LIVESIGN_") && *n != "LIVESIGN_MUST_USE")
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The JNI entry points `Java_io_livesign_LiveSign_<name>` exported by the Rust side.
fn jni_exports(jni: &str) -> Vec<String> {
    jni.split("fn Java_io_livesign_LiveSign_").skip(1).map(|s| s.split('(').next().unwrap().to_owned()).collect()
}

/// The `external fun <name>` declarations of the Kotlin side.
fn kotlin_externals(kotlin: &str) -> Vec<String> {
    kotlin.split("external fun ").skip(1).map(|s| s.split('(').next().unwrap().to_owned()).collect()
}

fn check(wrapper: &str, text: &str, wanted: &[String]) -> Vec<String> {
    wanted.iter().filter(|n| !names(text, n)).map(|n| format!("{wrapper}: {n}")).collect()
}

/// The matcher itself: a name that is only the prefix of a longer one (the `_keyed`, `_len`,
/// `_roomstr`, `_ring` twins), or that only a comment mentions, is not covered.
#[test]
fn a_longer_name_or_a_comment_does_not_cover() {
    let text = strip_comments(
        "livesign_huawei_sign_keyed(k); x = livesign_tencent_sign_len();\n/** livesign_usersig_gen */\n\
         /* LIVESIGN_OK\n spans lines */ // livesign_privmap_gen\nLIVESIGN_OK_NOT; livesign_abi_version()",
    );
    let wanted: Vec<String> = ["livesign_huawei_sign", "livesign_tencent_sign", "livesign_usersig_gen", "LIVESIGN_OK"]
        .into_iter()
        .chain(["livesign_privmap_gen", "livesign_abi_version", "livesign_huawei_sign_keyed"])
        .map(str::to_owned)
        .collect();
    let missing = check("t", &text, &wanted);
    assert_eq!(
        missing,
        [
            "livesign_huawei_sign",
            "livesign_tencent_sign",
            "livesign_usersig_gen",
            "LIVESIGN_OK",
            "livesign_privmap_gen"
        ]
        .map(|n| format!("t: {n}"))
    );
}

#[test]
fn every_wrapper_covers_every_function_and_status() {
    let header = read("include/livesign.h");
    let functions = functions(&header);
    let numbered = statuses(&header);
    assert!(functions.len() >= 7 && numbered.len() == 9, "{functions:?} {numbered:?}");
    let statuses: Vec<String> = numbered.iter().map(|(name, _)| name.clone()).collect();
    // Kotlin has no name for success but `LiveSignException.OK`: it must hold LIVESIGN_OK's
    // number; every failing status is named by its exception class.
    let (ok, failing): (Vec<_>, Vec<_>) = numbered.iter().partition(|(_, n)| *n == 0);
    let failing: Vec<String> = failing.into_iter().map(|(name, _)| name.clone()).collect();

    let cpp = code("bindings/cpp/livesign.hpp");
    let swift = code("bindings/swift/Sources/Livesign");
    let jni = code("src/ffi/jni");
    let kotlin = code("bindings/kotlin/src");
    let mut missing = Vec::new();
    missing.extend(check("C++ livesign.hpp", &cpp, &functions));
    missing.extend(check("C++ livesign.hpp", &cpp, &statuses));
    missing.extend(check("Swift", &swift, &functions));
    missing.extend(check("Swift", &swift, &statuses));
    missing.extend(check("Kotlin JNI (src/ffi/jni/)", &jni, &functions));
    missing.extend(check("Kotlin", &kotlin, &failing));
    if ok.len() != 1 || !kotlin.contains("const val OK = 0\n") {
        missing.push(format!("Kotlin: LiveSignException.OK = {ok:?}"));
    }
    assert!(missing.is_empty(), "not covered by a wrapper:\n{}", missing.join("\n"));
}

/// The C++ wrapper names every constant (enum values and `#define`s), so every C enum and
/// limit has a C++ spelling.
#[test]
fn the_cpp_wrapper_names_every_constant() {
    let header = read("include/livesign.h");
    let constants = constants(&header);
    assert!(constants.len() > 50 && constants.contains(&"LIVESIGN_TENCENT_URL_MAX_EXPIRY".to_owned()), "{constants:?}");
    let missing = check("C++ livesign.hpp", &code("bindings/cpp/livesign.hpp"), &constants);
    assert!(missing.is_empty(), "not named by the C++ wrapper:\n{}", missing.join("\n"));
}

/// Every JNI export has its Kotlin `external fun`, and Kotlin calls each one (a declared but
/// unused entry point would be an operation the Kotlin API does not offer); every `external
/// fun` has its export (or it would fail at run time with UnsatisfiedLinkError).
#[test]
fn kotlin_declares_and_uses_every_jni_export() {
    let exports = jni_exports(&code("src/ffi/jni"));
    let kotlin = code("bindings/kotlin/src");
    let externals = kotlin_externals(&kotlin);
    assert!(exports.len() >= 30, "{exports:?}");
    let mut problems = Vec::new();
    for name in &exports {
        if !externals.contains(name) {
            problems.push(format!("{name}: exported by src/ffi/jni but not declared in Kotlin"));
        }
        let calls = kotlin.matches(&format!("{name}(")).count();
        // The declaration itself is one match; `@JvmName("name")` is not followed by `(`.
        if calls < 2 {
            problems.push(format!("{name}: declared but never called by the Kotlin wrapper"));
        }
    }
    for name in &externals {
        if !exports.contains(name) {
            problems.push(format!("{name}: declared in Kotlin but not exported by src/ffi/jni"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each wrapper's own test suite runs every UserSig token of `tests/vectors/usersig.json`
/// (Tencent's official SDKs) and Huawei's printed method B example against the real library.
#[test]
fn every_wrapper_suite_runs_the_usersig_and_url_b_vectors() {
    let vectors = |file: &str| -> serde_json::Value {
        serde_json::from_str(&read(&format!("tests/vectors/{file}"))).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let mut wanted: Vec<String> = vectors("usersig.json")["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["usersig"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(wanted.len(), 36);
    let huawei = vectors("huawei.json");
    let url_b = huawei["vectors"].as_array().unwrap().iter().find(|v| v["id"] == "huawei.url.b").expect("huawei.url.b");
    wanted.push(url_b["query"].as_str().unwrap().to_owned());

    let mut missing = Vec::new();
    for (wrapper, dir) in
        [("C++", "bindings/cpp/tests"), ("Swift", "bindings/swift/Tests"), ("Kotlin", "bindings/kotlin/test")]
    {
        missing.extend(check(wrapper, &code(dir), &wanted));
    }
    assert!(missing.is_empty(), "vectors no wrapper test runs:\n{}", missing.join("\n"));
}

/// Kotlin cannot read the header's macros, so its `const val`s are written out by hand: each
/// names in its KDoc the macro it copies (or, in `LiveSignException`, is the status of its
/// own name) and must hold that macro's value, so a changed limit cannot leave Kotlin behind.
#[test]
fn kotlin_constants_hold_the_header_values() {
    let header = read("include/livesign.h");
    let mut values: std::collections::HashMap<String, i128> = header
        .lines()
        .filter_map(|l| l.strip_prefix("#define ")?.split_once(' '))
        .filter_map(|(name, v)| Some((name.to_owned(), v.trim().parse().ok()?)))
        .collect();
    values.extend(statuses(&header).into_iter().map(|(name, n)| (name, i128::from(n))));
    let kotlin_value = |v: &str| -> i128 {
        if v.trim() == "Long.MAX_VALUE" {
            return i128::from(i64::MAX);
        }
        let v = v.trim().replace('_', ""); // Kotlin's digit separators
        let v = v.strip_suffix('L').unwrap_or(&v);
        match v.strip_prefix("0x") {
            Some(hex) => i128::from_str_radix(hex, 16).unwrap(),
            None => v.parse().unwrap_or_else(|_| panic!("Kotlin value {v}")),
        }
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("bindings/kotlin/src/io/livesign");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some((_, decl)) = line.split_once("const val ") else { continue };
            let (name, value) = decl.split_once(" = ").unwrap();
            let name = name.split(':').next().unwrap();
            let doc_start = lines[..i].iter().rposition(|l| l.trim_start().starts_with("/**")).unwrap_or(i);
            let doc = if lines[doc_start..i].iter().all(|l| l.trim_start().starts_with(['/', '*'])) {
                lines[doc_start..i].join(" ")
            } else {
                String::new()
            };
            let macro_name = doc
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .find(|w| w.starts_with("LIVESIGN_"))
                .map_or_else(|| format!("LIVESIGN_{name}"), str::to_owned);
            let want = values.get(&macro_name).unwrap_or_else(|| panic!("{path:?} {name}: no {macro_name}"));
            assert_eq!(kotlin_value(value), *want, "{path:?} {name} = {value} but {macro_name} is {want}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} Kotlin constants found");
}
