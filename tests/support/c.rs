//! Builds the C tests in `tests/c/` with the system C compiler (found by the `cc` crate)
//! against `include/livesign.h` and the static library cargo built beside the running test,
//! with `-std=c99 -Wall -Wextra -Werror -pedantic`, and runs them.
//!
//! Two environment variables, read when the tests run (no rebuild), harden the same tests:
//! - `LIVESIGN_C_SANITIZE=1` compiles and links them with
//!   `-fsanitize=address,undefined -fno-sanitize-recover=all` (any report fails the run);
//! - `LIVESIGN_C_VALGRIND=1` runs them under `valgrind --error-exitcode=9 --leak-check=full`.
//!
//! `.ci/run` runs the C tests once plainly, once sanitized and once under valgrind.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The static library built with this test: cargo writes every crate type of the library
/// into `target/<profile>/deps/`, where integration tests run from, and copies it one level
/// up only for `cargo build`.
pub fn static_lib() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    [deps, deps.parent().unwrap()]
        .iter()
        .map(|d| d.join("liblivesign.a"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("liblivesign.a was not built next to {}", exe.display()))
}

/// The system libraries the Rust standard library needs when linked statically, as rustc
/// itself reports them (`--print native-static-libs`), so the list is right on any host.
pub fn native_static_libs(tmp: &Path) -> Vec<String> {
    let src = tmp.join("empty.rs");
    std::fs::write(&src, "").unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc)
        .args(["--crate-type", "staticlib", "--crate-name", "probe", "--print", "native-static-libs", "-o"])
        .arg(tmp.join("libprobe.a"))
        .arg(&src)
        .output()
        .expect("run rustc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find_map(|l| l.split("native-static-libs:").nth(1))
        .unwrap_or_else(|| panic!("rustc printed no native-static-libs:\n{stderr}"));
    line.split_whitespace().map(str::to_owned).collect()
}

fn flag(var: &str) -> bool {
    std::env::var_os(var).is_some_and(|v| v != "0" && !v.is_empty())
}

/// Whether the C tests are built with AddressSanitizer and UBSan.
pub fn sanitized() -> bool {
    flag("LIVESIGN_C_SANITIZE")
}

/// Whether the C tests run under valgrind.
pub fn valgrind() -> bool {
    flag("LIVESIGN_C_VALGRIND")
}

/// The system C compiler (or C++ compiler, `cpp`) for the target these tests were built
/// for, as the `cc` crate finds it (`CC` / `CXX` honoured), without cargo's own flags.
pub fn compiler(cpp: bool) -> cc::Tool {
    let target = env!("LIVESIGN_TARGET");
    cc::Build::new()
        .cargo_metadata(false)
        .cargo_warnings(false)
        .cpp(cpp)
        .target(target)
        .host(target)
        .opt_level(1)
        .debug(true)
        .get_compiler()
}

/// The flags of a sanitized C build (`LIVESIGN_C_SANITIZE`): the instrumented `liblivesign.a`
/// needs the sanitizer runtime they link.
pub const SANITIZE: [&str; 3] =
    ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"];

/// Builds `tests/c/<name>.c` into an executable linked with `liblivesign.a`.
pub fn build(name: &str) -> PathBuf {
    assert!(!(sanitized() && valgrind()), "valgrind cannot run a sanitized build: set one of the two");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let variant = if sanitized() { format!("{name}-sanitized") } else { name.to_owned() };
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c").join(variant);
    std::fs::create_dir_all(&tmp).unwrap();
    let exe = tmp.join(name);
    let mut cmd = compiler(false).to_command();
    cmd.args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .args(if sanitized() { &SANITIZE[..] } else { &[] })
        .arg("-I")
        .arg(root.join("include"))
        .arg(root.join("tests/c").join(format!("{name}.c")))
        .arg(static_lib())
        .args(native_static_libs(&tmp))
        .arg("-o")
        .arg(&exe);
    let status = cmd.status().expect("run the C compiler");
    assert!(status.success(), "compiling tests/c/{name}.c failed: {cmd:?}");
    exe
}

/// Runs a C test with `args` and `stdin`, asserts it succeeded, and returns its stdout
/// (which the C tests end with a summary line: "... N checks, 0 failures").
/// Under `LIVESIGN_C_VALGRIND=1` the program runs inside valgrind, whose report goes to
/// stderr and whose exit code 9 fails the run on any error (leaks included).
pub fn run(exe: &Path, args: &[&str], stdin: &str) -> String {
    let mut command = if valgrind() {
        let mut c = Command::new("valgrind");
        c.args(["--error-exitcode=9", "--leak-check=full", "--quiet"]).arg(exe);
        c
    } else {
        let mut c = Command::new(exe);
        // Leak checks on, every UBSan report fatal with a stack trace.
        c.env("ASAN_OPTIONS", "detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1")
            .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1");
        c
    };
    let mut child =
        command.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}{stderr}");
    assert!(out.status.success(), "{} failed:\n{stdout}{stderr}", exe.display());
    assert!(stdout.contains(" 0 failures"), "{stdout}");
    stdout.into_owned()
}
