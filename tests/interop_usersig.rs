//! Interoperability with Tencent's official TLSSigAPIv2 packages, run for real: PyPI
//! `tls-sig-api-v2` 1.1 (`gen_sig`, `gen_sig_with_userbuf`) and npm `tls-sig-api-v2` 1.0.2
//! (`genUserSig`, `genSig`, `genPrivateMapKey`, `genPrivateMapKeyWithStringRoomID`) generate
//! tokens at a pinned clock for hundreds of random inputs (Unicode and JSON-special
//! identifiers, expire 0, empty and random userbufs, 32-bit edges); livesign must verify every
//! one, refuse it one second late and under a wrong key, and agree on its signature and
//! userbuf. Then livesign's own tokens for the same inputs go through an independent checker
//! written with Python's standard library only (`tests/interop/decode_usersig.py`).
//!
//! `tests/interop/install.sh` installs the packages into `target/interop/` (or
//! `$LIVESIGN_INTEROP_DIR`); `.ci/run` does so and sets `LIVESIGN_INTEROP=1`. With `CI` or
//! `LIVESIGN_INTEROP` set, missing tools or packages fail the test; otherwise it is skipped
//! with a loud message. `LIVESIGN_INTEROP_SEED` picks other random inputs.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use livesign::trtc::{Room, UserSig, privmap_parse, usersig_verify};
use livesign::{Error, HmacKey};
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn interop_dir() -> PathBuf {
    std::env::var_os("LIVESIGN_INTEROP_DIR").map_or_else(|| root().join("target/interop"), PathBuf::from)
}

/// CI must run these tests; a developer's machine may not have Python or Node.
fn required() -> bool {
    ["CI", "LIVESIGN_INTEROP"].iter().any(|v| std::env::var(v).is_ok_and(|s| !s.is_empty() && s != "0"))
}

/// Whether `what` is available; when it is not, fails under CI and skips loudly otherwise.
fn available(what: &str, ok: bool) -> bool {
    if ok {
        return true;
    }
    let msg = format!(
        "{what} is not available. Run `bash tests/interop/install.sh` (needs python3 with pip, and npm), \
         then `LIVESIGN_INTEROP=1 cargo test --test interop_usersig`."
    );
    assert!(!required(), "interop tests are required here (CI / LIVESIGN_INTEROP set): {msg}");
    eprintln!("\n**********\n*** SKIPPED interop_usersig: {msg}\n**********\n");
    false
}

fn tool_works(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Runs `program script` with one JSON line per case on stdin; one JSON line back per case.
fn run(program: &str, script: &str, cases: &[Value]) -> Vec<Value> {
    let mut input = String::new();
    for c in cases {
        input += &c.to_string();
        input.push('\n');
    }
    let dir = interop_dir();
    let mut child = Command::new(program)
        .arg(root().join("tests/interop").join(script))
        .env("PYTHONPATH", dir.join("python"))
        .env("PYTHONIOENCODING", "utf-8")
        .env("LIVESIGN_INTEROP_DIR", &dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} {script}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} {script} failed:\n{stderr}");
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), cases.len(), "{program} {script}: one answer per case\n{stderr}");
    lines
}

/// splitmix64: deterministic inputs, reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn ascii_id(&mut self, min: u64, max: u64) -> String {
        const CHARSET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        let n = min + self.below(max - min + 1);
        (0..n).map(|_| *self.pick(CHARSET) as char).collect()
    }

    fn identifier(&mut self) -> String {
        const PIECES: &[&str] = &[
            "用户",
            "Zoë",
            "😀",
            "Ω",
            "é",
            "中文名",
            "한국어",
            "\u{2028}",
            "\u{2029}",
            "\"",
            "\\",
            "/",
            "<",
            ">",
            "&",
            "'",
            "\u{0}",
            "\u{1}",
            "\t",
            "\n",
            "\r",
            "\u{8}",
            "\u{c}",
            "\u{1f}",
            "\u{7f}",
            " ",
            "a",
            "Z",
            "0",
            "_",
            "-",
        ];
        match self.below(5) {
            0 => String::new(),
            1 | 2 => self.ascii_id(1, 32),
            _ => {
                let n = 1 + self.below(12);
                (0..n).map(|_| *self.pick(PIECES)).collect()
            }
        }
    }

    fn bytes(&mut self, max: u64) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n).map(|_| self.next() as u8).collect()
    }

    fn key(&mut self) -> String {
        if self.below(2) == 0 {
            (0..64).map(|_| *self.pick(b"0123456789abcdef") as char).collect()
        } else {
            self.ascii_id(1, 80)
        }
    }

    fn expire(&mut self) -> u64 {
        match self.below(5) {
            0 => 0,
            1 => 1 + self.below(100),
            2 => 15_552_000,
            _ => self.below(10_000_000_000),
        }
    }

    fn sdkappid(&mut self) -> u64 {
        match self.below(3) {
            0 => 1_400_000_000,
            1 => u64::from(u32::MAX) - self.below(1000),
            _ => self.below(1 << 32),
        }
    }
}

/// One token request and what livesign expects to find in the answer.
struct Case {
    request: Value,
    key: String,
    sdkappid: u64,
    identifier: String,
    expire: u64,
    time: u64,
    /// The userbuf the token carries (`Some(empty)` for a present, empty one).
    userbuf: Option<Vec<u8>>,
    room: Option<(Option<u32>, Option<String>, u32)>,
}

fn plain_case(rng: &mut Rng, api: &str, with_userbuf: bool) -> Case {
    let (key, sdkappid, identifier, expire) = (rng.key(), rng.sdkappid(), rng.identifier(), rng.expire());
    let time = 1_000_000_000 + rng.below(1_000_000_000);
    let userbuf = with_userbuf.then(|| if rng.below(8) == 0 { Vec::new() } else { rng.bytes(120) });
    let request = json!({
        "api": api, "sdkappid": sdkappid, "key": key, "identifier": identifier, "expire": expire, "time": time,
        "userbuf_hex": userbuf.as_deref().map(support::hex),
    });
    Case { request, key, sdkappid, identifier, expire, time, userbuf, room: None }
}

fn privmap_case(rng: &mut Rng, string_room: bool) -> Case {
    let (key, sdkappid, identifier) = (rng.key(), rng.below(1 << 32), rng.ascii_id(0, 32));
    let time = 1_000_000_000 + rng.below(1_000_000_000);
    // The grant's expiry is a 32-bit field: keep time + expire inside it.
    let expire = rng.below(u64::from(u32::MAX) - time + 1).min(if rng.below(3) == 0 { 300 } else { u64::MAX });
    let privilege = match rng.below(3) {
        0 => 255,
        1 => 42,
        _ => rng.next() as u32,
    };
    let (roomid, roomstr) =
        if string_room { (None, Some(rng.ascii_id(1, 64))) } else { (Some(rng.next() as u32), None) };
    let api = if string_room { "genPrivateMapKeyWithStringRoomID" } else { "genPrivateMapKey" };
    let request = json!({
        "api": api, "sdkappid": sdkappid, "key": key, "identifier": identifier, "expire": expire, "time": time,
        "roomid": roomid, "roomstr": roomstr, "privilege": privilege,
    });
    Case { request, key, sdkappid, identifier, expire, time, userbuf: None, room: Some((roomid, roomstr, privilege)) }
}

impl Case {
    /// livesign's token for the same inputs.
    fn ours(&self) -> UserSig {
        let k = HmacKey::new(self.key.as_bytes()).unwrap();
        match &self.room {
            Some((roomid, roomstr, privilege)) => {
                let room = roomstr.as_deref().map_or_else(|| Room::Id(roomid.unwrap()), |s| Room::Name(s.as_bytes()));
                UserSig::private_map_key(&k, self.sdkappid, &self.identifier, self.expire, self.time, room, *privilege)
            }
            None => UserSig::new(
                &k,
                self.sdkappid,
                &self.identifier,
                self.expire,
                self.time,
                self.userbuf.as_deref().unwrap_or_default(),
            ),
        }
        .unwrap()
    }

    /// Checks an official token for this case; returns livesign's token for the checker.
    fn check_official(&self, token: &str, who: &str) -> Value {
        let what = format!("{who} {}", self.request);
        let k = HmacKey::new(self.key.as_bytes()).unwrap();
        let t = token.as_bytes();
        let end = self.time + self.expire;
        let info = usersig_verify(&k, self.sdkappid, &self.identifier, t, self.time, 0)
            .unwrap_or_else(|e| panic!("{what}: livesign refused an official token ({e}): {token}"));
        assert_eq!((info.sdkappid(), info.time(), info.expire()), (self.sdkappid, self.time, self.expire), "{what}");
        assert_eq!(info.identifier(), self.identifier, "{what}");
        assert!(usersig_verify(&k, self.sdkappid, &self.identifier, t, end, 0).is_ok(), "{what}");
        assert_eq!(usersig_verify(&k, self.sdkappid, &self.identifier, t, end + 1, 0).map(|_| ()), Err(Error::Expired));
        let wrong = HmacKey::new(format!("{}!", self.key).as_bytes()).unwrap();
        assert_eq!(
            usersig_verify(&wrong, self.sdkappid, &self.identifier, t, self.time, 0).map(|_| ()),
            Err(Error::SignatureMismatch),
            "{what}"
        );

        // Same inputs, same signature and userbuf, whatever the JSON layout and compression.
        let ours = self.ours();
        let our_info = usersig_verify(&k, self.sdkappid, &self.identifier, ours.as_bytes(), self.time, 0).unwrap();
        let (theirs_doc, ours_doc) = (
            support::usersig::json(&support::usersig::doc_of(token)),
            support::usersig::json(&support::usersig::doc_of(ours.as_str())),
        );
        if self.userbuf.as_ref().is_some_and(Vec::is_empty) {
            // Python and Node sign a present-but-empty userbuf as an empty line; livesign
            // (like C's `NULL, 0`) treats an empty userbuf as none, so its signature differs.
            assert_eq!(our_info.userbuf(), None, "{what}");
            assert_eq!(ours_doc.get("TLS.userbuf"), None, "{what}");
        } else {
            assert_eq!(theirs_doc["TLS.sig"], ours_doc["TLS.sig"], "{what}");
        }
        match &self.room {
            Some((roomid, roomstr, privilege)) => {
                assert_eq!(info.userbuf(), our_info.userbuf(), "{what}: PrivateMapKey userbuf");
                let p = privmap_parse(info.userbuf().unwrap()).unwrap();
                assert_eq!(p.identifier, self.identifier.as_bytes());
                assert_eq!(
                    (u64::from(p.sdkappid), p.privileges, u64::from(p.expires_at)),
                    (self.sdkappid, *privilege, end)
                );
                assert_eq!(p.room_name, roomstr.as_deref().map(str::as_bytes));
                assert_eq!(p.room_id, roomid.unwrap_or(0));
            }
            None => assert_eq!(info.userbuf(), self.userbuf.as_deref(), "{what}"),
        }

        let mut request = self.request.clone();
        request["usersig"] = ours.as_str().into();
        if self.room.is_some() {
            request["userbuf_hex"] = support::hex(our_info.userbuf().unwrap()).into();
        }
        request
    }
}

/// Every official token verifies in livesign, and every livesign token passes the
/// independent stdlib checker.
#[test]
fn official_packages_and_an_independent_checker_agree_with_livesign() {
    let dir = interop_dir();
    if !available("python3", tool_works("python3"))
        || !available("node", tool_works("node"))
        || !available(
            "PyPI tls-sig-api-v2 1.1",
            dir.join("python/tls_sig_api_v2-1.1.dist-info").is_dir() && dir.join("python/TLSSigAPIv2.py").is_file(),
        )
        || !available(
            "npm tls-sig-api-v2 1.0.2",
            std::fs::read_to_string(dir.join("node/node_modules/tls-sig-api-v2/package.json"))
                .is_ok_and(|p| p.contains("\"version\": \"1.0.2\"")),
        )
    {
        return;
    }
    let seed = std::env::var("LIVESIGN_INTEROP_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20241105);
    println!("interop seed {seed} (LIVESIGN_INTEROP_SEED)");
    let mut rng = Rng(seed);

    let python: Vec<Case> = (0..300).map(|i| plain_case(&mut rng, "py", i % 2 == 1)).collect();
    let mut node: Vec<Case> =
        (0..200).map(|i| plain_case(&mut rng, if i % 2 == 0 { "genUserSig" } else { "genSig" }, i % 2 == 1)).collect();
    node.extend((0..200).map(|i| privmap_case(&mut rng, i % 2 == 1)));
    // The edges of spec case c10: sdkappid and room at the top of their 32-bit fields.
    let mut edge = privmap_case(&mut rng, false);
    edge.sdkappid = 3_000_000_000;
    edge.request["sdkappid"] = edge.sdkappid.into();
    edge.request["roomid"] = u32::MAX.into();
    edge.request["privilege"] = 0xab.into();
    edge.room = Some((Some(u32::MAX), None, 0xab));
    node.push(edge);

    let mut ours = Vec::new();
    for (program, script, cases) in [("python3", "official_gen.py", &python), ("node", "official_gen.js", &node)] {
        let requests: Vec<Value> = cases.iter().map(|c| c.request.clone()).collect();
        let answers = run(program, script, &requests);
        for (case, answer) in cases.iter().zip(&answers) {
            ours.push(case.check_official(answer["usersig"].as_str().unwrap(), script));
        }
    }
    // Some cases must exercise the edges the spec calls out.
    let count = |f: &dyn Fn(&Case) -> bool| python.iter().chain(&node).filter(|c| f(c)).count();
    assert!(count(&|c| c.expire == 0) > 10);
    assert!(count(&|c| c.userbuf.as_ref().is_some_and(Vec::is_empty)) > 0, "no present-but-empty userbuf");
    assert!(count(&|c| !c.identifier.is_ascii()) > 50);
    assert!(count(&|c| c.identifier.is_empty()) > 10);

    let verdicts = run("python3", "decode_usersig.py", &ours);
    let bad: Vec<String> = ours
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v["ok"] != true)
        .map(|(c, v)| format!("{}: {}", c["usersig"], v["why"]))
        .collect();
    assert!(bad.is_empty(), "the independent checker refused {} livesign tokens:\n{}", bad.len(), bad.join("\n"));
    println!("interop: {} official tokens verified, {} livesign tokens checked", python.len() + node.len(), ours.len());
}

#[test]
fn the_scripts_are_where_the_test_expects_them() {
    for f in ["install.sh", "official_gen.py", "official_gen.js", "decode_usersig.py"] {
        assert!(Path::new(&root().join("tests/interop").join(f)).is_file(), "{f}");
    }
}
