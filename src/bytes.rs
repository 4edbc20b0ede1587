//! Copies of short byte runs written inline. A variable-length `copy_from_slice` becomes a call
//! into libc's `memcpy`, which costs a few nanoseconds of call and size dispatch even for ten
//! bytes, and the signers copy many such runs (key, decimals, JSON names): 16 calls per
//! UserSig generated.

/// Copies `src` into `dst`; the two must have the same length (else nothing is copied).
/// Runs of up to 32 bytes are copied as two overlapping fixed-size moves (head and tail),
/// longer ones by `copy_from_slice`.
#[inline(always)]
pub(crate) fn copy_short(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if dst.len() != n {
        debug_assert!(false, "copy_short needs equal lengths");
        return;
    }
    match n {
        0 => {}
        1..=3 => {
            // First, middle and last cover every byte of 1 to 3.
            for i in [0, n / 2, n - 1] {
                if let (Some(d), Some(&s)) = (dst.get_mut(i), src.get(i)) {
                    *d = s;
                }
            }
        }
        4..=7 => head_tail::<4>(dst, src),
        8..=15 => head_tail::<8>(dst, src),
        16..=32 => head_tail::<16>(dst, src),
        _ => dst.copy_from_slice(src),
    }
}

/// Copies the first and the last `W` bytes (`W <= len <= 2W`, so together they cover all).
#[inline(always)]
fn head_tail<const W: usize>(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if let (Some(d), Some(s)) = (dst.get_mut(..W), src.get(..W)) {
        d.copy_from_slice(s);
    }
    if let (Some(d), Some(s)) = (dst.get_mut(n - W..), src.get(n - W..)) {
        d.copy_from_slice(s);
    }
}

#[cfg(test)]
mod tests {
    use super::copy_short;

    #[test]
    fn copies_every_length_exactly() {
        let src: Vec<u8> = (1..=80u8).collect();
        for n in 0..=src.len() {
            let mut dst = vec![0u8; n + 2];
            copy_short(&mut dst[1..n + 1], &src[..n]);
            assert_eq!(&dst[1..n + 1], &src[..n], "length {n}");
            assert_eq!((dst[0], dst[n + 1]), (0, 0), "length {n}: wrote outside");
        }
    }
}
