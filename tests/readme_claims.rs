//! What an integrator reads in README.md and DESIGN.md besides the examples (which
//! `readme_snippets.rs` compiles): the tables and the numbers quoted beside constant names,
//! checked against `include/livesign.h` and the code; the calls written out in prose, against
//! the header's parameter lists; the "link from C" command lines, run as written; and
//! DESIGN.md's layout, against the tree.
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use livesign::tencent::errors::{self, Category, Retry};

const README: &str = include_str!("../README.md");
const DESIGN: &str = include_str!("../DESIGN.md");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The header's integer macros: `#define LIVESIGN_X 841` (not the `(1 << n)` bit macros).
fn defines() -> BTreeMap<String, i128> {
    support::header::text()
        .lines()
        .filter_map(|l| {
            let mut parts = l.strip_prefix("#define ")?.split_whitespace();
            let (name, value) = (parts.next()?, parts.next()?);
            Some((name.to_owned(), value.parse().ok()?))
        })
        .collect()
}

/// The rows of the first Markdown table after `heading` in `doc`, cells trimmed, header and
/// separator rows left out.
fn table<'a>(doc: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    let start = doc.find(heading).unwrap_or_else(|| panic!("no {heading:?}"));
    doc[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect()
}

/// The text between the backticks of `` `x` ``, or the cell itself.
fn unquote(cell: &str) -> &str {
    cell.trim_matches('`')
}

#[test]
fn status_tables_are_the_headers_statuses() {
    for (doc, heading) in [(README, "## Status codes"), (DESIGN, "### Status codes")] {
        let rows = table(doc, heading);
        let named: Vec<(u32, String)> =
            rows.iter().map(|r| (r[0].parse().unwrap(), unquote(r[1]).to_owned())).collect();
        let all: Vec<(u32, String)> = (0..=255)
            .filter_map(livesign::ffi::status::livesign_status::from_code)
            .map(|s| (s as u32, format!("{s:?}")))
            .collect();
        assert_eq!(named, all, "{heading}");
    }
}

/// "`LIVESIGN_X` (841)", "`LIVESIGN_X` (`FFFFFFFF`, 2106)", "`LIVESIGN_X` = 300", "(`LIVESIGN_X`,
/// 9999999999)": the number
/// quoted beside a macro is the macro's value.
#[test]
fn numbers_quoted_beside_constants_are_their_values() {
    let defines = defines();
    let mut checked = 0;
    for (at, _) in README.match_indices("`LIVESIGN_") {
        let rest = &README[at + 1..];
        let name = &rest[..rest.find('`').unwrap()];
        let after = rest[name.len() + 1..].trim_start_matches(' ');
        let quoted = if let Some(p) = after.strip_prefix('(') {
            p
        } else if let Some(p) = after.strip_prefix("= ").or_else(|| after.strip_prefix(", ")) {
            p
        } else {
            continue;
        };
        let token: String =
            quoted.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '`').collect();
        let value = if let Some(hex) = token.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
            match i128::from_str_radix(hex, 16) {
                Ok(v) => v,
                Err(_) => continue, // `INT64_MAX`, a name rather than a number
            }
        } else {
            match token.parse::<i128>() {
                Ok(v) => v,
                Err(_) => continue, // prose, such as "(see the rule below)"
            }
        };
        assert_eq!(defines.get(name), Some(&value), "README quotes {value} for {name}");
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} quoted values found");
}

#[test]
fn limits_table_is_the_headers_limits() {
    let defines = defines();
    let rows = table(README, "### Input limits");
    assert_eq!(rows.len(), 7);
    for row in rows {
        let (n, unit) = row[1].split_once(' ').unwrap();
        let scale = match unit {
            "MiB" => 1 << 20,
            "KiB" => 1 << 10,
            "bytes" => 1,
            other => panic!("unit {other:?}"),
        };
        let constant = unquote(row[2].split_whitespace().next().unwrap());
        assert_eq!(defines[constant], n.parse::<i128>().unwrap() * scale, "{constant}");
    }
    assert_eq!(livesign::ffi::limits::livesign_max_body_len(), 1 << 20);
}

#[test]
fn error_catalog_table_is_the_catalog() {
    let category = |c: &str| match c {
        "success" => Category::Success,
        "no data" => Category::NoData,
        "auth" => Category::Auth,
        "not activated" => Category::NotActivated,
        "invalid request" => Category::InvalidRequest,
        "rate limit" => Category::RateLimit,
        "server" => Category::Server,
        "stream state" => Category::StreamState,
        other => panic!("category {other:?}"),
    };
    let retry = |r: &str| match r {
        "never" | "—" => Retry::Never,
        "backoff" => Retry::Backoff,
        "sign again with a later `t`" => Retry::Resign,
        "when the stream goes live" => Retry::Later,
        other => panic!("retry {other:?}"),
    };
    let mut seen = Vec::new();
    for row in table(README, "### Error catalog") {
        for item in row[1].split(" / ") {
            let number = || item.split_whitespace().next().unwrap().parse().unwrap();
            let entry = match row[0] {
                "HTTP" => errors::by_http_status(number()),
                "message" => errors::by_message(item.as_bytes()),
                "code" => errors::by_code(i64::from(number())),
                other => panic!("source {other:?}"),
            }
            .unwrap_or_else(|| panic!("{item:?} is not in the catalog"));
            assert_eq!((entry.category, entry.retry), (category(row[2]), retry(row[3])), "{item:?}");
            seen.push(entry as *const _);
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), errors::ALL.len(), "the README's table leaves out a catalog entry");
}

#[test]
fn rest_retry_advice_is_the_readme_list() {
    use livesign::ffi::trtc_rest::{livesign_trtc_rest_error_retry, livesign_trtc_retry::*};
    let para = &README[README.find("**Error codes 60002–60021.**").unwrap()..];
    let para = &para[..para.find("\n\n").unwrap()];
    let backoff_text = &para[para.find("with backoff for").unwrap()..para.find("never for the others").unwrap()];
    let backoff: Vec<i64> = backoff_text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 5)
        .map(|w| w.parse().unwrap())
        .collect();
    assert_eq!(backoff.len(), 7);
    for code in 60002..=60021 {
        let want = if backoff.contains(&code) { LIVESIGN_TRTC_RETRY_BACKOFF } else { LIVESIGN_TRTC_RETRY_NEVER };
        assert_eq!(livesign_trtc_rest_error_retry(code), want, "{code}");
    }
    for code in [0, 60001, 60022] {
        assert_eq!(livesign_trtc_rest_error_retry(code), LIVESIGN_TRTC_RETRY_UNKNOWN, "{code}");
    }
}

/// The numbers of a README sentence, in order.
fn numbers_after(marker: &str, until: &str) -> Vec<i128> {
    let text = &README[README.find(marker).unwrap_or_else(|| panic!("no {marker:?}"))..];
    let text = &text[..text.find(until).unwrap()];
    text.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).map(|w| w.parse().unwrap()).collect()
}

fn values_of(prefix: &str, except: &[&str]) -> Vec<i128> {
    let mut v: Vec<i128> = defines()
        .into_iter()
        .filter(|(n, _)| n.starts_with(prefix) && !except.contains(&n.as_str()))
        .map(|(_, v)| v)
        .collect();
    v.sort();
    v
}

#[test]
fn event_types_and_privilege_bits_are_the_headers() {
    let events = numbers_after("- `event_type` is 0", "as `LIVESIGN_TENCENT_EVENT_...`");
    assert_eq!(events, values_of("LIVESIGN_TENCENT_EVENT_", &["LIVESIGN_TENCENT_EVENT_NONE"]));
    let mut bits = numbers_after("privilege bits (1 create", "all)");
    bits.sort();
    assert_eq!(bits, values_of("LIVESIGN_PRIVMAP_", &[]));
}

/// A call written out in prose, `` `livesign_f(a, a_len, ...)` ``, names as many parameters as
/// the header declares (`livesign_f()` and a trailing `...` name the function only).
#[test]
fn calls_in_prose_name_every_parameter() {
    let header = support::header::text();
    let arity = |name: &str| -> usize {
        // The declaration: the line at column 0 (not a comment) that calls the name.
        let end = support::header::uses(&header, name)
            .find(|&end| {
                let line = &header[header[..end].rfind('\n').map_or(0, |n| n + 1)..end];
                header[end..].starts_with('(') && !line.starts_with([' ', '*', '/', '#'])
            })
            .unwrap_or_else(|| panic!("{name} is not declared in the header"));
        let params = &header[end + 1..];
        let params = &params[..params.find(')').unwrap()];
        if params.trim() == "void" { 0 } else { params.split(',').count() }
    };
    let mut checked = 0;
    for (doc_name, doc) in [("README.md", README), ("DESIGN.md", DESIGN)] {
        for (at, _) in doc.match_indices("`livesign_") {
            let code = &doc[at + 1..];
            let code = &code[..code.find('`').unwrap()];
            let Some((name, args)) = code.split_once('(') else { continue };
            let args = args.strip_suffix(')').unwrap_or_else(|| panic!("{doc_name}: `{code}`"));
            if args.is_empty() || args.trim_end().ends_with("...") {
                continue;
            }
            assert_eq!(args.split(',').count(), arity(name), "{doc_name}: `{code}`");
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} calls found");
}

/// The fenced `sh` block of the README that contains `marker`.
fn sh_block(marker: &str) -> &'static str {
    README.split("```sh\n").skip(1).map(|b| &b[..b.find("```").unwrap()]).find(|b| b.contains(marker)).unwrap()
}

/// "Link statically ... or dynamically": each command line, run as written in a directory
/// holding `app.c`, `include/` and `target/release/` (the libraries cargo built for this
/// test), makes an `app` that runs without help (no `LD_LIBRARY_PATH`); and the system
/// libraries the README prints for Linux x86_64 are the ones rustc names.
#[test]
#[cfg(all(target_os = "linux", target_arch = "x86_64", target_env = "gnu"))]
fn c_link_lines_make_a_program_that_runs() {
    let block = sh_block("--print native-static-libs");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("readme_link");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("target/release")).unwrap();
    let printed = block.lines().find_map(|l| l.strip_prefix("# Linux x86_64 prints: ")).unwrap();
    let libs: Vec<String> = printed.split_whitespace().map(str::to_owned).collect();
    assert_eq!(libs, support::c::native_static_libs(&dir), "the README's native-static-libs line");

    let built = support::c::static_lib();
    for lib in ["liblivesign.a", "liblivesign.so"] {
        std::os::unix::fs::symlink(built.with_file_name(lib), dir.join("target/release").join(lib)).unwrap();
    }
    std::os::unix::fs::symlink(root().join("include"), dir.join("include")).unwrap();
    std::fs::write(
        dir.join("app.c"),
        r#"#include <stdio.h>
#include "livesign.h"
int main(void) {
    static const uint8_t key[] = "5d41402abc4b2a76b9719d911017c592";
    uint8_t sign[LIVESIGN_TENCENT_SIGN_LEN];
    if (livesign_tencent_sign(key, 32, 1471850187u, sign) != LIVESIGN_OK) return 1;
    printf("%.32s\n", (const char *)sign);
    return 0;
}
"#,
    )
    .unwrap();

    let dynamic = README.split("or dynamically: `").nth(1).unwrap();
    let dynamic = &dynamic[..dynamic.find('`').unwrap()];
    let lines: Vec<&str> = block.lines().filter(|l| l.starts_with("cc ")).chain([dynamic]).collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let _ = std::fs::remove_file(dir.join("app"));
        // Under LIVESIGN_C_SANITIZE (CI's AddressSanitizer step) the library cargo built is
        // instrumented and links only with the sanitizer runtime: the line as written, plus
        // the flags every sanitized C test adds.
        let line = if support::c::sanitized() {
            format!("{line} {}", support::c::SANITIZE.join(" "))
        } else {
            line.to_owned()
        };
        // `$PWD` as a shell started in `dir` has it, whatever this process inherited.
        let out = Command::new("sh")
            .arg("-c")
            .arg(&line)
            .current_dir(&dir)
            .env("PWD", &dir)
            .env_remove("LD_LIBRARY_PATH")
            .output()
            .unwrap();
        assert!(out.status.success(), "{line}\n{}", String::from_utf8_lossy(&out.stderr));
        let run = Command::new(dir.join("app")).env_remove("LD_LIBRARY_PATH").output().unwrap();
        assert!(
            run.status.success(),
            "the app built by `{line}` does not run:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(run.stdout, b"b17971b51ba0fe5916ddcd96692e9fb3\n");
    }
}

/// Every source file under `src/` (but the JNI exports, "one file per provider") and every
/// folder under `tests/`, `bindings/` and `examples/` is named in DESIGN.md's layout, and
/// every repository path the layout names exists.
#[test]
fn design_layout_is_the_tree() {
    let layout = DESIGN.split("```").nth(1).unwrap();
    let mut names: Vec<String> = layout
        .split(|c: char| c.is_whitespace() || ",{}()+;:".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    names.extend(names.clone().iter().map(|w| w.trim_end_matches('/').to_owned()));
    let named = |rel: &str, file: &str| {
        let stem = file.strip_suffix(".rs").unwrap_or(file);
        names.iter().any(|w| {
            w == rel || w == file || w == stem || w.starts_with(&format!("{rel}/")) || w == &format!("{file}/")
        })
    };
    let mut missing = Vec::new();
    let mut walk = vec![root().join("src")];
    while let Some(dir) = walk.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
            let file = path.file_name().unwrap().to_str().unwrap();
            if path.is_dir() {
                walk.push(path.clone());
            } else if file != "mod.rs" && !rel.starts_with("src/ffi/jni/") && !named(&rel, file) {
                missing.push(rel);
            }
        }
    }
    for top in ["tests", "bindings", "examples"] {
        for entry in std::fs::read_dir(root().join(top)).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
            let file = path.file_name().unwrap().to_str().unwrap();
            if path.is_dir() && !named(&rel, file) {
                missing.push(rel);
            }
        }
    }
    assert!(missing.is_empty(), "DESIGN.md's layout does not name {missing:?}");
    for word in &names {
        let top = ["src/", "tests/", "bindings/", "benches/", "fuzz/", "examples/", "include/", "cmake/", ".ci/"];
        if top.iter().any(|t| word.starts_with(t)) && !word.contains('*') {
            assert!(root().join(word).exists(), "DESIGN.md names {word}, which does not exist");
        }
    }
}

/// DESIGN.md's "exact signatures" (and the length macros beside them), compiled after the
/// header: a C redeclaration with another parameter or return type, or a macro redefined to
/// another value, does not compile.
#[test]
fn design_core_signatures_redeclare_the_headers() {
    let block = DESIGN.split("```c\n").nth(1).unwrap();
    let block = &block[..block.find("```").unwrap()];
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("design_signatures");
    std::fs::create_dir_all(&dir).unwrap();
    let compile = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, format!("#include \"livesign.h\"\n{text}")).unwrap();
        support::c::compiler(false)
            .to_command()
            .args(["-std=c99", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-pedantic", "-I"])
            .arg(root().join("include"))
            .arg(&file)
            .output()
            .unwrap()
    };
    let out = compile("design.c", block);
    assert!(out.status.success(), "DESIGN.md's signatures:\n{}", String::from_utf8_lossy(&out.stderr));
    // The check can fail: one changed parameter type, one changed length.
    let changed = block.replacen("size_t key_len, uint64_t t,", "size_t key_len, uint32_t t,", 1);
    assert!(changed != block && !compile("changed_type.c", &changed).status.success());
    let changed = block.replacen("LIVESIGN_HUAWEI_SIGN_LEN 64", "LIVESIGN_HUAWEI_SIGN_LEN 65", 1);
    assert!(changed != block && !compile("changed_len.c", &changed).status.success());
}
