//! Exports the C include directory to crates that depend on livesign (`links = "livesign"`
//! makes it `DEP_LIVESIGN_INCLUDE`). Never writes into the source tree: the committed header
//! is produced by `LIVESIGN_BLESS=1 cargo test --test header`.

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!("cargo::metadata=include={manifest}/include");
    // The C tests compile for the same target the crate is built for.
    let target = std::env::var("TARGET").expect("cargo sets TARGET");
    println!("cargo::rustc-env=LIVESIGN_TARGET={target}");
    // An ELF shared library names itself (DT_SONAME): a program linked against it by path then
    // records `liblivesign.so` and finds it wherever it is installed; Android's loader warns
    // about a library without one.
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" || os == "android" {
        println!("cargo::rustc-cdylib-link-arg=-Wl,-soname,liblivesign.so");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
