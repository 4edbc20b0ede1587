//! `tests/vectors/` holds copies of `../shared/vectors/` so that a clone of this repository
//! alone can run every test; where the shared originals are present they must be identical.

mod support;

#[test]
fn copies_match_the_shared_originals() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors");
    if !shared.is_dir() {
        eprintln!("skipped: {} is not present in this checkout", shared.display());
        return;
    }
    let mut compared = 0;
    for entry in std::fs::read_dir(support::vectors_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let original = std::fs::read(shared.join(name)).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert!(std::fs::read(&path).unwrap() == original, "tests/vectors/{name:?} differs from shared/vectors");
        compared += 1;
    }
    assert!(compared > 0);
}
