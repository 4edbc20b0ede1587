//! The README's C and C++ examples compile against `include/livesign.h` and
//! `bindings/cpp/livesign.hpp`, so a renamed function, a changed parameter list or a wrong
//! type in the docs fails here. (The Rust examples run as doctests; the Swift and Kotlin ones
//! are compiled by `.ci/swift-test.sh` and `.ci/kotlin-test.sh`.)
//!
//! The examples are fragments: each is compiled as the body of its own function, after a
//! prelude that declares the names they take from the reader's program (`key`, `body`,
//! `reply_403`, ...). Only the warnings a fragment cannot avoid are off (a variable the
//! fragment sets for code that would follow it).
mod support;

use std::path::{Path, PathBuf};

const README: &str = include_str!("../README.md");

/// The languages of the README's fenced blocks: a block in another language (or none) fails
/// the test, so no example can slip out of the checks by its tag.
const KNOWN: [&str; 7] = ["c", "cpp", "rust", "sh", "cmake", "swift", "kotlin"];

const C_PRELUDE: &str = r#"#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "livesign.h"
extern const uint8_t *key, *received, *body, *push_key, *primary, *backup, *user, *token, *admin, *usersig,
    *sign, *name;
extern size_t key_len, received_len, body_len, push_key_len, primary_len, backup_len, user_len, token_len,
    admin_len, usersig_len, sign_len, name_len, url_len, i;
extern uint8_t url[1024];
extern uint64_t t, sdkappid, now;
extern uint32_t random_u32;
extern struct stream_slot { livesign_huawei_stream state; } streams[16];
void reply_error(const char *message);
void reply_403(const char *message);
int reply(int http_status, const char *message);
void reject(const char *message);
void log_error(const char *format, ...);
void retry_later(void);
void mark_live(size_t stream);
void mark_ended(size_t stream);
/* Stores an id until `until` + the leeway; 0 when it was stored already. */
int remember(const uint8_t *id, size_t id_len, uint64_t until);
"#;

const CPP_PRELUDE: &str = r#"#include <map>
#include <set>
#include <string>
#include <tuple>
#include <livesign.hpp>
extern std::string callback_key, body, push_key, play_key, backup_key, request_url, secret_key,
    key_from_config;
extern std::set<std::string> seen;
extern std::map<std::tuple<std::string, std::string, std::string>, livesign::huawei::Stream> streams;
void on_live(const std::string &stream_id);
void on_live(const livesign::huawei::Event &event);
void on_ended(const livesign::huawei::Event &event);
void reply_403(const char *message);
"#;

/// The fenced blocks of the README: (language, first line number, text).
fn blocks() -> Vec<(&'static str, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(&str, usize, String)> = None;
    for (n, line) in README.lines().enumerate() {
        match (line.strip_prefix("```"), open.take()) {
            (Some(""), Some(block)) => out.push(block),
            (Some(lang), None) => {
                assert!(KNOWN.contains(&lang), "README.md:{}: fenced block in {lang:?}, not one of {KNOWN:?}", n + 1);
                open = Some((lang, n + 1, String::new()));
            }
            (Some(_), Some(_)) => panic!("README.md:{}: a fence inside a block", n + 1),
            (None, Some((lang, at, mut text))) => {
                text.push_str(line);
                text.push('\n');
                open = Some((lang, at, text));
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "README.md: an unclosed fenced block");
    out
}

/// One translation unit: the prelude, the fragment's own `#include`s, then the fragment as
/// the body of `int snippet_<line>(void)`, or of a `void` one when it has a bare `return;`
/// (a handler that stops early), with the README's line numbers in the messages.
fn unit(prelude: &str, line: usize, text: &str) -> String {
    let (includes, body): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with("#include"));
    let (ty, end) = if text.contains("return;") { ("void", "") } else { ("int", "return 0;") };
    format!(
        "{prelude}{}\n{ty} snippet_{line}(void);\n{ty} snippet_{line}(void) {{\n#line {} \"README.md\"\n{}\n{end}\n}}\n",
        includes.join("\n"),
        line + 1,
        body.join("\n")
    )
}

struct Lang {
    cpp: bool,
    std: &'static str,
    prelude: &'static str,
}

const C: Lang = Lang { cpp: false, std: "-std=c99", prelude: C_PRELUDE };
const CPP: Lang = Lang { cpp: true, std: "-std=c++17", prelude: CPP_PRELUDE };

/// Compiles `source` (syntax and types only); the compiler's messages on failure.
fn compile(lang: &Lang, name: &str, source: &str) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("readme_snippets");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.{}", if lang.cpp { "cpp" } else { "c" }));
    std::fs::write(&file, source).unwrap();
    let out = support::c::compiler(lang.cpp)
        .to_command()
        .args([lang.std, "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .args(["-Wno-unused-variable", "-Wno-unused-but-set-variable"])
        .arg("-I")
        .arg(root.join("include"))
        .arg("-I")
        .arg(root.join("bindings/cpp"))
        .arg(&file)
        .output()
        .expect("run the compiler");
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

fn check(tag: &str, lang: &Lang) {
    let snippets: Vec<_> = blocks().into_iter().filter(|(l, _, _)| *l == tag).collect();
    assert!(!snippets.is_empty(), "no {tag} example in README.md");
    let failures: Vec<String> = snippets
        .iter()
        .filter_map(|(_, line, text)| {
            compile(lang, &format!("{tag}_{line}"), &unit(lang.prelude, *line, text))
                .err()
                .map(|e| format!("README.md:{line}: the {tag} example does not compile:\n{e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} {tag} examples compile", snippets.len());
}

#[test]
fn c_examples_compile_against_the_header() {
    check("c", &C);
}

#[test]
fn cpp_examples_compile_against_the_wrapper() {
    check("cpp", &CPP);
}

/// The check can fail: the same harness refuses a call with a parameter missing, in both
/// languages, and one with a name the header does not have.
#[test]
fn a_wrong_example_does_not_compile() {
    let wrong = [
        (&C, "uint8_t s[LIVESIGN_TENCENT_SIGN_LEN];\nlivesign_status st = livesign_tencent_sign(key, key_len, s);\n"),
        (&C, "livesign_status st = livesign_tencent_sign_hex(key, key_len, t, NULL);\n"),
        (&CPP, "std::string s = livesign::tencent::sign(callback_key);\n"),
    ];
    for (n, (lang, text)) in wrong.iter().enumerate() {
        let result = compile(lang, &format!("wrong_{n}"), &unit(lang.prelude, 1, text));
        assert!(result.is_err(), "a wrong example compiled:\n{text}");
    }
    // And the harness itself is sound: a right fragment compiles.
    let right =
        "uint8_t s[LIVESIGN_TENCENT_SIGN_LEN];\nlivesign_status st = livesign_tencent_sign(key, key_len, t, s);\n";
    compile(&C, "right", &unit(C.prelude, 1, right)).unwrap();
}
