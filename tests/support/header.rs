//! Reading `include/livesign.h` and sources for the coverage tests (no_alloc, null_args,
//! wrappers): which functions the header declares, and whether a text names one.

use std::path::Path;

/// The header's text.
pub fn text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("include/livesign.h")).unwrap()
}

/// The names of the functions `header` declares, sorted, once each.
pub fn functions(header: &str) -> Vec<String> {
    let mut names: Vec<String> = header
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('*') && !l.starts_with('#') && !l.starts_with('/'))
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

/// Where `text` names `name` as a whole identifier: `livesign_huawei_sign_keyed(` does not
/// name `livesign_huawei_sign`, nor `LIVESIGN_OK_X` `LIVESIGN_OK`. Yields the byte after it.
pub fn uses<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(name)
        .map(move |(at, _)| (at, at + name.len()))
        .filter(move |&(at, end)| !text[..at].ends_with(ident) && !text[end..].starts_with(ident))
        .map(|(_, end)| end)
}

/// Whether `text` names `name` as a whole identifier.
pub fn names(text: &str, name: &str) -> bool {
    uses(text, name).next().is_some()
}

/// Whether `text` calls `name` (the whole identifier, then `(`).
pub fn calls(text: &str, name: &str) -> bool {
    uses(text, name).any(|end| text[end..].starts_with('('))
}
