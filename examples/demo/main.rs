//! The README's demo, on the seeds' own sample data (no network, no clock): each provider's
//! section signs something, then verifies good, forged and expired inputs and prints the
//! statuses a C caller would get.

mod huawei;
mod tencent;
mod trtc;
mod trtc_rest;

use livesign::ffi::common::livesign_status_str;
use livesign::ffi::status::livesign_status;

fn main() -> Result<(), livesign::Error> {
    println!("livesign {}", livesign::version());
    println!();
    tencent::run()?;
    println!();
    trtc_rest::run()?;
    trtc::run()?;
    huawei::run()?;
    Ok(())
}

/// The static message of a status, as `livesign_status_str` gives it to C.
fn text(status: livesign_status) -> String {
    // SAFETY: livesign_status_str returns a static NUL-terminated string, never NULL.
    unsafe { std::ffi::CStr::from_ptr(livesign_status_str(status as u32)) }.to_string_lossy().into_owned()
}
