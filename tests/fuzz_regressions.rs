//! The fuzz targets' invariants (`fuzz/src/`, included here) on every `cargo test`:
//!
//! - every crash input saved in `tests/fuzz_regressions/<target>/` is replayed through its
//!   target (`.ci/fuzz.sh` copies each crash libFuzzer finds there; commit it with the fix);
//! - every seed built from `tests/vectors/*.json` passes its target, and is written out as a
//!   corpus file when `LIVESIGN_FUZZ_SEEDS=<dir>` is set (what `.ci/fuzz.sh` does first);
//! - the fuzz project is complete: each target has its file, its `[[bin]]` and seeds, and
//!   each regression folder belongs to a target.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn regressions() -> PathBuf {
    root().join("tests/fuzz_regressions")
}

#[test]
fn every_saved_crash_input_passes_its_target() {
    let mut replayed = 0;
    for (target, check) in fuzz::TARGETS {
        let dir = regressions().join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target}: {} fails again", file.display());
            replayed += 1;
        }
    }
    println!("replayed {replayed} saved fuzz inputs");
}

#[test]
fn regression_folders_belong_to_targets() {
    for entry in std::fs::read_dir(regressions()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                fuzz::TARGETS.iter().any(|(t, _)| *t == name),
                "tests/fuzz_regressions/{name}: no such fuzz target"
            );
        }
    }
}

#[test]
fn every_seed_passes_its_target_and_every_target_has_seeds() {
    let seeds = fuzz::seeds::all(&root().join("tests/vectors"));
    let out = std::env::var_os("LIVESIGN_FUZZ_SEEDS").map(PathBuf::from);
    for seed in &seeds {
        fuzz::run(seed.target, &seed.bytes);
        if let Some(dir) = &out {
            let dir = dir.join(seed.target);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(&seed.name), &seed.bytes).unwrap();
        }
    }
    for (target, _) in fuzz::TARGETS {
        let n = seeds.iter().filter(|s| s.target == *target).count();
        assert!(n > 0, "fuzz target {target} has no seed");
        println!("{target}: {n} seeds");
    }
}

#[test]
fn the_fuzz_project_lists_every_target() {
    let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(root().join("fuzz/fuzz_targets"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut names: Vec<String> = fuzz::TARGETS.iter().map(|(t, _)| t.to_string()).collect();
    names.sort();
    assert_eq!(files, names, "fuzz/fuzz_targets/*.rs and fuzz::TARGETS differ");
    for name in &names {
        let src = std::fs::read_to_string(root().join(format!("fuzz/fuzz_targets/{name}.rs"))).unwrap();
        assert!(
            src.contains(&format!("livesign_fuzz::run(\"{name}\", data)")),
            "{name}.rs must run its own invariants"
        );
        assert!(
            manifest.contains(&format!("name = \"{name}\"\npath = \"fuzz_targets/{name}.rs\"")),
            "fuzz/Cargo.toml lacks the [[bin]] of {name}"
        );
    }
}
