//! Tencent Cloud Live `t + sign` for the documented key, then a good, a forged and an expired
//! request checked through the C API, as a C program would see them.

use livesign::ffi::tencent::livesign_tencent_verify;
use livesign::tencent;

use super::text;

/// The CGI key of Tencent's worked example (seeds 001 and 003).
const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";
/// "2016-08-22 15:17:27" (UTC+8): the request expires one minute after it was made.
const T: u64 = 1471850187;
/// "2016-08-22 15:16:27": when the request was made.
const NOW: u64 = T - 60;

pub fn run() -> Result<(), livesign::Error> {
    println!("Tencent Cloud Live t + sign (seed 003 example)");
    println!("  key  = the CGI key of Tencent's worked example (32 characters)");
    let sign = tencent::sign(KEY, T)?;
    println!("  t    = {T}");
    println!("  sign = {sign}");
    println!("  request query: ...&t={T}&sign={sign}");
    println!("  seed 000 (2021): t = 1626839220, sign = {}", tencent::sign(KEY, 1626839220)?);
    println!();

    let mut forged = *sign.as_bytes();
    forged[0] = if forged[0] == b'0' { b'1' } else { b'0' };
    let cases: [(&str, &[u8], u64); 3] = [
        ("good request, one minute before t", sign.as_bytes(), NOW),
        ("forged sign (one character changed)", &forged, NOW),
        ("good sign, received 2 s after t", sign.as_bytes(), T + 2),
    ];
    println!("Verification (now, leeway 0 s) through the C API:");
    for (what, s, now) in cases {
        // SAFETY: KEY and s are valid for the lengths passed.
        let status = unsafe { livesign_tencent_verify(KEY.as_ptr(), KEY.len(), T, s.as_ptr(), s.len(), now, 0) };
        println!("  {what:<40} now={now} -> {:<28} ({})", format!("{status:?}"), text(status));
    }
    Ok(())
}
