//! A strict (RFC 8259), borrowed, allocation-free JSON reader for small documents, and the
//! string escaping the writers need.
//!
//! Signed callbacks are verified over fields read from the body, so this reader must never
//! disagree with another conforming parser on which value a field has: invalid UTF-8, lone
//! surrogates, raw control characters, trailing garbage and duplicated member names among the
//! fields looked up are all `Malformed`. Nesting is bounded ([`MAX_DEPTH`]) and validation is
//! one iterative pass (no recursion), so hostile input costs linear time and constant stack.

use crate::Error;

/// Deepest nesting of objects and arrays accepted.
pub(crate) const MAX_DEPTH: usize = 64;

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `"..."`.
    String,
    /// `-1.5e3` and friends.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
    /// `{...}`.
    Object,
    /// `[...]`.
    Array,
}

/// A value of a validated document: its kind and its exact source text.
#[derive(Debug, Clone, Copy)]
pub struct Value<'a> {
    kind: Kind,
    raw: &'a [u8],
    /// A string with escapes (known from the parse, so [`Str::plain`] needs no scan).
    escaped: bool,
}

impl<'a> Value<'a> {
    /// What kind of value this is.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The exact source text, quotes and escapes included for strings.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<Str<'a>> {
        (self.kind == Kind::String).then(|| Str { raw: &self.raw[1..self.raw.len() - 1], escaped: self.escaped })
    }

    /// The value as a `u64` when it is a plain non-negative integer (no sign, fraction or
    /// exponent) that fits.
    pub fn as_u64(&self) -> Option<u64> {
        if self.kind == Kind::Number { parse_u64(self.raw) } else { None }
    }

    /// The value as an `i64` when it is a plain integer (an optional `-`, no fraction or
    /// exponent) that fits.
    pub(crate) fn as_i64(&self) -> Option<i64> {
        if self.kind == Kind::Number { parse_i64(self.raw) } else { None }
    }
}

/// A string value of a validated JSON document, as written between its quotes: a view into
/// the caller's input. Most strings carry no escapes and [`Str::plain`] is then the value
/// itself; otherwise [`Str::bytes`] or [`Str::unescape_into`] give the value. Re-exported as
/// `livesign::JsonStr`.
#[derive(Debug, Clone, Copy)]
pub struct Str<'a> {
    raw: &'a [u8],
    /// Whether `raw` holds a `\` escape, as the parse found.
    escaped: bool,
}

impl<'a> Str<'a> {
    /// Validates `raw` as the text between the quotes of a JSON string: UTF-8, no unescaped
    /// `"` or control character, only the escapes RFC 8259 defines, surrogates paired.
    /// Anything else is [`Error::Malformed`].
    pub fn from_raw(raw: &'a [u8]) -> Result<Self, Error> {
        core::str::from_utf8(raw).map_err(|_| Error::Malformed)?;
        let mut p = Parser::new(raw, 0);
        match p.string_body()? {
            (Stop::End, escaped) => Ok(Str { raw, escaped }),
            (Stop::Quote, _) => Err(Error::Malformed),
        }
    }

    /// The empty string (also what livesign reports for an absent optional field).
    pub const EMPTY: Str<'static> = Str { raw: b"", escaped: false };

    /// Text that needs no escape in JSON (ASCII digits, say) as a string value, unchecked:
    /// `raw` must hold no `"`, `\` or control character.
    pub(crate) const fn plain_text(raw: &'a [u8]) -> Self {
        Str { raw, escaped: false }
    }

    /// The text between the quotes, escapes intact.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the text contains JSON escapes (`\n`, `\u00e9`, `\/`, ...).
    pub fn is_escaped(&self) -> bool {
        self.escaped
    }

    /// The text itself when it has no escapes (the common case): a view into the document.
    pub fn plain(&self) -> Option<&'a [u8]> {
        (!self.is_escaped()).then_some(self.raw)
    }

    /// The unescaped UTF-8 bytes, one at a time.
    pub fn bytes(&self) -> Unescaped<'a> {
        Unescaped { rest: self.raw, pending: [0; 4], pending_len: 0, pending_pos: 0 }
    }

    /// Whether the unescaped text equals `s`.
    // Not `PartialEq`: it compares with raw bytes, not another `Str`. Public only for
    // `fuzz_api`, which checks it against `bytes()`.
    #[allow(clippy::should_implement_trait)]
    pub fn eq(&self, s: &[u8]) -> bool {
        match self.plain() {
            Some(p) => p == s,
            None => self.bytes().eq(s.iter().copied()),
        }
    }

    /// The length of the unescaped text in bytes.
    pub fn unescaped_len(&self) -> usize {
        match self.plain() {
            Some(p) => p.len(),
            None => self.bytes().count(),
        }
    }

    /// Unescapes into `buf` and returns the text; `BufferTooSmall` with the length needed
    /// when it does not fit, `buf` untouched. The text is never longer than [`Str::raw`].
    pub fn unescape_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        if buf.len() < self.raw.len() {
            let needed = self.unescaped_len();
            if needed > buf.len() {
                return Err(Error::BufferTooSmall { needed });
            }
        }
        let mut n = 0;
        for (slot, b) in buf.iter_mut().zip(self.bytes()) {
            *slot = b;
            n += 1;
        }
        Ok(&buf[..n])
    }
}

/// Iterator over the unescaped bytes of a validated string.
pub struct Unescaped<'a> {
    rest: &'a [u8],
    pending: [u8; 4],
    pending_len: u8,
    pending_pos: u8,
}

impl Iterator for Unescaped<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        if self.pending_pos < self.pending_len {
            self.pending_pos += 1;
            return Some(self.pending[self.pending_pos as usize - 1]);
        }
        let (&b, rest) = self.rest.split_first()?;
        if b != b'\\' {
            self.rest = rest;
            return Some(b);
        }
        let (&e, rest) = rest.split_first()?;
        self.rest = rest;
        let simple = match e {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            _ => {
                // `u`: validation guaranteed 4 hex digits, and a low surrogate after a high one.
                let mut cp = hex4(self.rest)?;
                self.rest = &self.rest[4..];
                if (0xd800..0xdc00).contains(&cp) {
                    let low = hex4(self.rest.get(2..)?)?;
                    self.rest = &self.rest[6..];
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                }
                let c = char::from_u32(cp)?;
                let len = c.encode_utf8(&mut self.pending).len();
                self.pending_len = len as u8;
                self.pending_pos = 1;
                return Some(self.pending[0]);
            }
        };
        Some(simple)
    }
}

fn hex4(s: &[u8]) -> Option<u32> {
    let digits = s.get(..4)?;
    let mut v = 0u32;
    for &d in digits {
        v = (v << 4) | (d as char).to_digit(16)?;
    }
    Some(v)
}

/// A plain non-negative decimal integer (`0` or `[1-9][0-9]*`) that fits in a `u64`.
pub fn parse_u64(s: &[u8]) -> Option<u64> {
    if s.is_empty() || (s.len() > 1 && s[0] == b'0') {
        return None;
    }
    if s.len() <= 19 {
        // Up to 19 digits cannot overflow (10^19 - 1 < 2^64): no checked arithmetic and no
        // early exit, one check at the end.
        let (mut value, mut bad) = (0u64, false);
        for &c in s {
            let digit = c.wrapping_sub(b'0');
            bad |= digit > 9;
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        }
        return (!bad).then_some(value);
    }
    s.iter().try_fold(0u64, |acc, &d| {
        if d.is_ascii_digit() { acc.checked_mul(10)?.checked_add(u64::from(d - b'0')) } else { None }
    })
}

/// A plain decimal integer (`-`? then `0` or `[1-9][0-9]*`) that fits in an `i64`.
pub(crate) fn parse_i64(s: &[u8]) -> Option<i64> {
    match s.split_first() {
        Some((b'-', digits)) => {
            let magnitude = parse_u64(digits)?;
            if magnitude == 0 {
                // "-0" is a valid JSON number, and it is zero.
                return Some(0);
            }
            0i64.checked_sub_unsigned(magnitude - 1)?.checked_sub(1)
        }
        _ => i64::try_from(parse_u64(s)?).ok(),
    }
}

/// A validated top-level JSON object.
#[derive(Debug, Clone, Copy)]
pub struct Object<'a> {
    /// The object's text from `{` to `}`.
    text: &'a [u8],
}

/// Validates `src` as exactly one JSON object (surrounding whitespace allowed).
#[cfg_attr(not(feature = "fuzzing"), allow(dead_code))] // the readers use parse_lookup
pub fn parse_object(src: &[u8]) -> Result<Object<'_>, Error> {
    parse_object_metered(src, NoMeter)
}

/// [`parse_object`], counting the reader's steps into `meter`.
pub(crate) fn parse_object_metered<'a, M: Meter>(src: &'a [u8], meter: M) -> Result<Object<'a>, Error> {
    Ok(parse_object_lookup_metered::<0, M, false>(src, [], meter)?.0)
}

/// Validates `src` as exactly one JSON object, as [`parse_object`] does, and looks up `N`
/// member names in the same pass, as [`Object::lookup`] does (a name that occurs twice is
/// `Malformed`). Half the work of the two calls, for readers on a hot path.
pub(crate) fn parse_lookup<'a, const N: usize>(
    src: &'a [u8],
    names: [&[u8]; N],
) -> Result<[Option<Value<'a>>; N], Error> {
    parse_lookup_metered(src, names, NoMeter)
}

/// [`parse_lookup`], counting the reader's steps into `meter`.
pub(crate) fn parse_lookup_metered<'a, const N: usize, M: Meter>(
    src: &'a [u8],
    names: [&[u8]; N],
    meter: M,
) -> Result<[Option<Value<'a>>; N], Error> {
    Ok(parse_object_lookup_metered::<N, M, false>(src, names, meter)?.1)
}

/// [`parse_lookup`] for a document that Go's `encoding/json` also reads into a struct (the
/// official Go UserSig verifier does): Go matches member names case-insensitively under
/// Unicode simple folding and keeps the last match, so a member that is a looked-up name in
/// another case (`tls.identifier`, `TLS.\u017fig` with a long s, `TLS.sd\u212aappid` with a
/// Kelvin sign) would be the value Go reads. Such a member is `Malformed`, as a repeated name
/// is. The names must be ASCII.
pub(crate) fn parse_lookup_go_folded<'a, const N: usize>(
    src: &'a [u8],
    names: [&[u8]; N],
) -> Result<[Option<Value<'a>>; N], Error> {
    Ok(parse_object_lookup_metered::<N, NoMeter, true>(src, names, NoMeter)?.1)
}

/// [`parse_lookup`] that also returns the validated [`Object`], for readers that keep the
/// document to read more fields later.
pub(crate) fn parse_object_lookup<'a, const N: usize>(
    src: &'a [u8],
    names: [&[u8]; N],
) -> Result<(Object<'a>, [Option<Value<'a>>; N]), Error> {
    parse_object_lookup_metered::<N, NoMeter, false>(src, names, NoMeter)
}

/// [`parse_object_lookup`] with the member-name rule of [`parse_lookup_go_folded`], for
/// bodies that a Go server may also read into a struct.
pub(crate) fn parse_object_lookup_go_folded<'a, const N: usize>(
    src: &'a [u8],
    names: [&[u8]; N],
) -> Result<(Object<'a>, [Option<Value<'a>>; N]), Error> {
    parse_object_lookup_metered::<N, NoMeter, true>(src, names, NoMeter)
}

/// [`parse_object_lookup`], counting the reader's steps into `meter`; with `GO_FOLD`, as
/// [`parse_lookup_go_folded`] reads.
#[inline(always)]
fn parse_object_lookup_metered<'a, const N: usize, M: Meter, const GO_FOLD: bool>(
    src: &'a [u8],
    names: [&[u8]; N],
    meter: M,
) -> Result<(Object<'a>, [Option<Value<'a>>; N]), Error> {
    core::str::from_utf8(src).map_err(|_| Error::Malformed)?;
    let mut p = Parser { s: src, i: 0, meter };
    let mut found = [None; N];
    // The wanted names by length: most members are not wanted, and one lookup of their
    // length rules them out (or leaves the one or two names to compare).
    const { assert!(N <= 64, "at most 64 names") };
    let mut by_len = [0u64; 32];
    let mut long = 0u64;
    for (k, wanted) in names.iter().enumerate() {
        match by_len.get_mut(wanted.len()) {
            Some(mask) => *mask |= 1 << k,
            None => long |= 1 << k,
        }
    }
    let all = u64::MAX >> (64 - N.max(1));
    p.ws();
    let start = p.i;
    p.expect(b'{')?;
    p.ws();
    if p.peek() == Some(b'}') {
        p.i += 1;
    } else {
        loop {
            p.meter.step(1);
            if p.peek() != Some(b'"') {
                return Err(Error::Malformed);
            }
            let start = p.i;
            let escaped = p.string()?;
            let name = Str { raw: &src[start + 1..p.i - 1], escaped };
            p.ws();
            p.expect(b':')?;
            p.ws();
            // The object itself is one level of nesting.
            let value = p.value_within(MAX_DEPTH - 1)?;
            // An escaped name's raw length is not its length: compare it with every name.
            let mut candidates = if escaped { all } else { by_len.get(name.raw.len()).copied().unwrap_or(long) };
            let mut matched = false;
            while candidates != 0 {
                let k = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let (Some(slot), Some(wanted)) = (found.get_mut(k), names.get(k)) else { break };
                let hit = if escaped { name.eq(wanted) } else { same_short(name.raw, wanted) };
                if hit {
                    if slot.is_some() {
                        return Err(Error::Malformed);
                    }
                    *slot = Some(value);
                    matched = true;
                    // The wanted names differ, so a member fills at most one slot.
                    break;
                }
                // Go-folded: an unescaped name in another ASCII case, which can only be one of
                // the names of its own length, these candidates (the wanted names differ in
                // more than case, so this is never the member's own name).
                if GO_FOLD && !escaped && wanted.eq_ignore_ascii_case(name.raw) {
                    return Err(Error::Malformed);
                }
            }
            // Escaped and non-ASCII names fold through `\u` escapes and the two non-ASCII
            // letters Go folds onto ASCII: compared again only when no name matched exactly.
            if GO_FOLD
                && !matched
                && (escaped || !name.raw.is_ascii())
                && names.iter().any(|wanted| go_folds_to(name.bytes(), wanted))
            {
                return Err(Error::Malformed);
            }
            p.ws();
            match p.peek() {
                Some(b',') => {
                    p.i += 1;
                    p.ws();
                }
                Some(b'}') => {
                    p.i += 1;
                    break;
                }
                _ => return Err(Error::Malformed),
            }
        }
    }
    let end = p.i;
    p.ws();
    if p.i != src.len() {
        return Err(Error::Malformed);
    }
    Ok((Object { text: &src[start..end] }, found))
}

impl<'a> Object<'a> {
    /// The top-level members in document order.
    pub fn members(&self) -> Members<'a> {
        Members { p: Parser::new(self.text, 1), done: false }
    }

    /// Looks up `N` member names in one pass. A name that occurs twice is `Malformed`: two
    /// parsers must never disagree on which value was meant.
    pub fn lookup<const N: usize>(&self, names: [&[u8]; N]) -> Result<[Option<Value<'a>>; N], Error> {
        let mut found = [None; N];
        for (name, value) in self.members() {
            // Names are almost never escaped: check that once per member, not once per name.
            let plain = name.plain();
            for (slot, wanted) in found.iter_mut().zip(names) {
                if plain.map_or_else(|| name.eq(wanted), |p| p == wanted) {
                    if slot.is_some() {
                        return Err(Error::Malformed);
                    }
                    *slot = Some(value);
                }
            }
        }
        Ok(found)
    }

    /// The value of one member (with the same duplicate rule as [`Object::lookup`]).
    pub fn get(&self, name: &[u8]) -> Result<Option<Value<'a>>, Error> {
        Ok(self.lookup([name])?[0])
    }
}

/// Iterator over the members of a validated object.
pub struct Members<'a> {
    p: Parser<'a, NoMeter>,
    done: bool,
}

impl<'a> Iterator for Members<'a> {
    type Item = (Str<'a>, Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let p = &mut self.p;
        p.ws();
        if p.peek() == Some(b',') {
            p.i += 1;
            p.ws();
        }
        if p.peek() != Some(b'"') {
            self.done = true;
            return None;
        }
        // The document was validated as a whole, so these cannot fail; if they did, the
        // iteration would simply end.
        let key = p.value().ok()?;
        p.ws();
        p.i += 1; // ':'
        p.ws();
        let value = p.value().ok()?;
        Some((key.as_str()?, value))
    }
}

/// Counts the reader's work, for the tests that show it linear in its input (every loop of
/// the reader steps its meter once per iteration). Production code uses [`NoMeter`], which
/// compiles to nothing.
pub(crate) trait Meter {
    /// `n` more steps.
    fn step(&mut self, n: usize);
}

/// The meter of every real parse: counts nothing.
pub(crate) struct NoMeter;

impl Meter for NoMeter {
    #[inline(always)]
    fn step(&mut self, _: usize) {}
}

/// A meter that counts (for `livesign::fuzz_api`).
#[cfg(feature = "fuzzing")]
#[derive(Debug, Default)]
pub(crate) struct Steps(pub(crate) u64);

#[cfg(feature = "fuzzing")]
impl Meter for Steps {
    fn step(&mut self, n: usize) {
        self.0 += n as u64;
    }
}

/// A meter borrowed for one parse.
impl<M: Meter> Meter for &mut M {
    #[inline(always)]
    fn step(&mut self, n: usize) {
        (**self).step(n);
    }
}

struct Parser<'a, M: Meter = NoMeter> {
    s: &'a [u8],
    i: usize,
    meter: M,
}

impl<'a> Parser<'a> {
    fn new(s: &'a [u8], i: usize) -> Self {
        Self { s, i, meter: NoMeter }
    }
}

/// Where the characters of a string stopped.
enum Stop {
    Quote,
    End,
}

impl<'a, M: Meter> Parser<'a, M> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        self.meter.step(1);
        // Most calls find no whitespace at all; the rest usually a short indentation run.
        if !matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            return;
        }
        self.i += 1;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.meter.step(1);
            self.i += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Error> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(Error::Malformed)
        }
    }

    /// Parses one complete value starting at the cursor (no leading whitespace), iteratively.
    fn value(&mut self) -> Result<Value<'a>, Error> {
        self.value_within(MAX_DEPTH)
    }

    /// [`Parser::value`] with at most `max_depth` levels of nesting.
    fn value_within(&mut self, max_depth: usize) -> Result<Value<'a>, Error> {
        let start = self.i;
        // Scalars (nearly every member of a callback) need no container stack.
        let scalar = match self.peek().ok_or(Error::Malformed)? {
            b'"' => Some((Kind::String, self.string()?)),
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Some((Kind::Number, false))
            }
            _ => None,
        };
        if let Some((kind, escaped)) = scalar {
            return Ok(Value { kind, raw: &self.s[start..self.i], escaped });
        }
        let mut stack = [0u8; MAX_DEPTH];
        let mut depth = 0usize;
        let first = self.peek().ok_or(Error::Malformed)?;
        loop {
            self.meter.step(1);
            // A value is expected here.
            self.ws();
            match self.peek().ok_or(Error::Malformed)? {
                open @ (b'{' | b'[') => {
                    // Empty containers count too: the limit is on nesting as written.
                    if depth >= max_depth {
                        return Err(Error::Malformed);
                    }
                    self.i += 1;
                    self.ws();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.i += 1;
                    } else {
                        stack[depth] = open;
                        depth += 1;
                        if open == b'{' {
                            self.member_name()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                b'-' | b'0'..=b'9' => self.number()?,
                _ => return Err(Error::Malformed),
            }
            // A value just ended: close containers or move to the next element.
            loop {
                self.meter.step(1);
                if depth == 0 {
                    // Strings and numbers took the scalar path above (the cursor is never on
                    // whitespace here), so this value is a container or a literal.
                    let kind = match first {
                        b'{' => Kind::Object,
                        b'[' => Kind::Array,
                        b't' | b'f' => Kind::Bool,
                        b'n' => Kind::Null,
                        _ => return Err(Error::Malformed),
                    };
                    return Ok(Value { kind, raw: &self.s[start..self.i], escaped: false });
                }
                self.ws();
                let open = stack[depth - 1];
                match self.peek() {
                    Some(b',') => {
                        self.i += 1;
                        if open == b'{' {
                            self.ws();
                            self.member_name()?;
                        }
                        break;
                    }
                    Some(b'}') if open == b'{' => {
                        self.i += 1;
                        depth -= 1;
                    }
                    Some(b']') if open == b'[' => {
                        self.i += 1;
                        depth -= 1;
                    }
                    _ => return Err(Error::Malformed),
                }
            }
        }
    }

    /// `"name" :` inside an object.
    fn member_name(&mut self) -> Result<(), Error> {
        if self.peek() != Some(b'"') {
            return Err(Error::Malformed);
        }
        self.string()?;
        self.ws();
        self.expect(b':')
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        self.meter.step(1);
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(Error::Malformed)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.meter.step(1);
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<(), Error> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Error::Malformed),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(Error::Malformed);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(Error::Malformed);
            }
        }
        Ok(())
    }

    /// A string starting at its opening quote; returns whether it has escapes.
    #[inline(always)]
    fn string(&mut self) -> Result<bool, Error> {
        self.i += 1;
        // Most strings are one plain run and a closing quote: no call, no loop.
        self.skip_plain_run();
        if self.peek() == Some(b'"') {
            self.i += 1;
            return Ok(false);
        }
        match self.string_body()? {
            (Stop::Quote, escaped) => Ok(escaped),
            (Stop::End, _) => Err(Error::Malformed),
        }
    }

    /// The characters of a string up to and including its closing quote ([`Stop::Quote`]) or
    /// up to the end of the input ([`Stop::End`]), and whether it had escapes. UTF-8 was
    /// validated for the whole input, so multi-byte sequences need no check here (none
    /// contains `"` or `\`).
    fn string_body(&mut self) -> Result<(Stop, bool), Error> {
        let mut escaped = false;
        loop {
            self.skip_plain_run();
            let Some(c) = self.peek() else { return Ok((Stop::End, escaped)) };
            self.i += 1;
            match c {
                b'"' => return Ok((Stop::Quote, escaped)),
                b'\\' => {
                    escaped = true;
                    let e = self.peek().ok_or(Error::Malformed)?;
                    self.i += 1;
                    match e {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                        b'u' => self.unicode_escape()?,
                        _ => return Err(Error::Malformed),
                    }
                }
                // A raw control character.
                _ => return Err(Error::Malformed),
            }
        }
    }

    /// Moves past the string bytes that need no attention (see [`plain_run`]), counted as
    /// the eight-byte steps that read them (nothing in real parses).
    #[inline(always)]
    fn skip_plain_run(&mut self) {
        let run = plain_run(self.s.get(self.i..).unwrap_or_default());
        self.meter.step(1 + run / 8);
        self.i += run;
    }

    /// After `\u`: four hex digits; a high surrogate must be followed by `\u` + a low one,
    /// and a low surrogate may not stand alone (serde_json and Python agree on this).
    fn unicode_escape(&mut self) -> Result<(), Error> {
        let cp = hex4(&self.s[self.i..]).ok_or(Error::Malformed)?;
        self.i += 4;
        match cp {
            0xd800..=0xdbff => {
                if !self.s[self.i..].starts_with(b"\\u") {
                    return Err(Error::Malformed);
                }
                let low = hex4(&self.s[self.i + 2..]).ok_or(Error::Malformed)?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return Err(Error::Malformed);
                }
                self.i += 6;
                Ok(())
            }
            0xdc00..=0xdfff => Err(Error::Malformed),
            _ => Ok(()),
        }
    }
}

/// Whether Go's `encoding/json` takes a member named `name` (its unescaped bytes) for the
/// struct field tagged `wanted` (ASCII): `bytes.EqualFold`, i.e. ASCII case folding plus the
/// two non-ASCII letters whose simple case folding reaches ASCII, U+017F (long s, an `s`) and
/// U+212A (Kelvin sign, a `k`).
fn go_folds_to(mut name: impl Iterator<Item = u8>, wanted: &[u8]) -> bool {
    for &w in wanted {
        let folded = match name.next() {
            Some(b @ 0..=0x7f) => b,
            Some(0xc5) if name.next() == Some(0xbf) => b's',
            Some(0xe2) if name.next() == Some(0x84) && name.next() == Some(0xaa) => b'k',
            _ => return false,
        };
        if !folded.eq_ignore_ascii_case(&w) {
            return false;
        }
    }
    name.next().is_none()
}

/// `a == b` for two slices of equal length, without a `memcmp` call for the short member
/// names this is used on: two overlapping word loads cover 4 to 16 bytes.
#[inline(always)]
fn same_short(a: &[u8], b: &[u8]) -> bool {
    fn ends<const W: usize>(s: &[u8]) -> Option<([u8; W], [u8; W])> {
        Some((*s.first_chunk::<W>()?, *s.last_chunk::<W>()?))
    }
    match a.len() {
        8..=16 => ends::<8>(a) == ends::<8>(b),
        4..=7 => ends::<4>(a) == ends::<4>(b),
        _ => a == b,
    }
}

/// Length of the leading run of bytes a string may hold as they are (not `"`, `\\` or a
/// control character), eight bytes at a time.
#[inline(always)]
fn plain_run(s: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The classic "has a zero / has a byte below n" tests: the lowest flagged byte is always a
    // real match (a borrow only flags bytes above a real one).
    let stops = |w: u64| {
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w))
            & HIGH
    };
    let mut i = 0;
    // Sixteen bytes a step: most names and values end within the first step, so the loop's
    // exit branch is the same for almost every string and predicts well.
    while let Some(chunk) = s.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let (a, b) = chunk.split_at(8);
        let lo = stops(u64::from_le_bytes(a.try_into().unwrap_or_default()));
        let hi = stops(u64::from_le_bytes(b.try_into().unwrap_or_default()));
        if (lo | hi) != 0 {
            let k = if lo != 0 { lo.trailing_zeros() / 8 } else { 8 + hi.trailing_zeros() / 8 };
            return i + k as usize;
        }
        i += 16;
    }
    if let Some(chunk) = s.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stop = stops(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = s.get(i..).unwrap_or_default();
    i + rest.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_folded_lookup() {
        let names = [&b"TLS.sig"[..], b"stream"];
        let read = |doc: &str| parse_lookup_go_folded(doc.as_bytes(), names).map(|[a, b]| (a.is_some(), b.is_some()));
        assert_eq!(read(r#"{"TLS.sig":"a","stream":"s","other":1}"#), Ok((true, true)));
        // Another case, ASCII or through the two non-ASCII letters Go folds onto ASCII (long s,
        // Kelvin sign), raw or escaped, in either order: Go would read that member.
        for other in [
            r#""tls.sig""#,
            r#""TLS.SIG""#,
            r#""Stream""#,
            r#""STREAM""#,
            r#""TLS.\u017fig""#,
            r#""TLS.\u017Fig""#,
            r#""\u017ftream""#,
            r#""\u0053tream""#,
            "\"TLS.\u{17f}ig\"",
        ] {
            assert_eq!(
                read(&format!(r#"{{"TLS.sig":"a","stream":"s",{other}:"x"}}"#)),
                Err(Error::Malformed),
                "{other}"
            );
            assert_eq!(
                read(&format!(r#"{{{other}:"x","TLS.sig":"a","stream":"s"}}"#)),
                Err(Error::Malformed),
                "{other}"
            );
            assert_eq!(read(&format!(r#"{{{other}:"x"}}"#)), Err(Error::Malformed), "{other} alone");
        }
        let kelvin =
            |name: &str| parse_lookup_go_folded(format!(r#"{{"{name}":1}}"#).as_bytes(), [&b"sdkappid"[..]]).map(drop);
        assert_eq!(kelvin("sd\u{212a}appid"), Err(Error::Malformed));
        assert_eq!(kelvin(r"sd\u212Aappid"), Err(Error::Malformed));
        // What Go does not fold is just another member: dotless and dotted i, a longer or
        // shorter name, another separator.
        for other in ["TLS.s\u{131}g", "TLS.s\u{130}g", "TLS.sig ", "TLS.si", "TLS_sig", "streams", "\u{17f}"] {
            assert_eq!(read(&format!(r#"{{"TLS.sig":"a","{other}":"x"}}"#)), Ok((true, false)), "{other}");
        }
        // The plain reader keeps them apart, as a case-sensitive reader does.
        assert!(parse_lookup(br#"{"stream":"s","Stream":"x"}"#, names).is_ok());
    }

    fn obj(s: &str) -> Result<Object<'_>, Error> {
        parse_object(s.as_bytes())
    }

    #[test]
    fn accepts_valid_documents() {
        for ok in [
            "{}",
            " {\"a\":1} ",
            "{\"a\":[1,2,{\"b\":null}],\"c\":{\"d\":[true,false]},\"e\":-0.5e+3,\"f\":\"x\\u00e9\\ud83d\\ude00\"}",
            "{\"a\":[]}",
            "{\"a\":{}}",
            "{\"\":\"\"}",
        ] {
            assert!(obj(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_invalid_documents() {
        for bad in [
            "",
            "[]",
            "1",
            "{",
            "{\"a\":1",
            "{\"a\":1}x",
            "{\"a\":1}{}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":1e}",
            "{\"a\":+1}",
            "{\"a\":tru}",
            "{\"a\":\"\u{1}\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"\\udc00\"}",
            "{\"a\":\"\\ud800\\u0041\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":1]}",
            // The wrong bracket, with the outer object then closed as if it had matched.
            "{\"a\":[1}}",
            "{\"a\":{\"b\":[1}}}",
            "{\"a\":\"unterminated}",
        ] {
            assert_eq!(obj(bad).map(|_| ()), Err(Error::Malformed), "{bad:?}");
        }
        assert_eq!(parse_object(b"{\"a\":\"\xff\"}").map(|_| ()), Err(Error::Malformed));
    }

    #[test]
    fn nesting_is_bounded_without_recursion() {
        let ok = format!("{{\"a\":{}{}}}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(obj(&ok).is_ok());
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(obj(&deep).map(|_| ()), Err(Error::Malformed));
        let hostile = "[".repeat(1_000_000);
        assert_eq!(obj(&format!("{{\"a\":{hostile}")).map(|_| ()), Err(Error::Malformed));
    }

    #[test]
    fn lookup_finds_values_and_rejects_duplicates() {
        let o = obj("{\"t\":123,\"sign\":\"ab\",\"x\":{\"t\":1},\"s\":\"a\\u0062\"}").unwrap();
        let [t, sign, s, missing] = o.lookup([b"t", b"sign", b"s", b"nope"]).unwrap();
        assert_eq!(t.unwrap().as_u64(), Some(123));
        assert_eq!(sign.unwrap().as_str().unwrap().plain(), Some(&b"ab"[..]));
        assert!(s.unwrap().as_str().unwrap().eq(b"ab"));
        assert!(missing.is_none());
        let dup = obj("{\"t\":1,\"t\":2}").unwrap();
        assert_eq!(dup.get(b"t").map(|_| ()), Err(Error::Malformed));
        // An escaped name is the same name.
        let dup = obj("{\"t\":1,\"\\u0074\":2}").unwrap();
        assert_eq!(dup.get(b"t").map(|_| ()), Err(Error::Malformed));
        assert!(dup.get(b"other").unwrap().is_none());
    }

    #[test]
    fn same_short_compares_every_byte() {
        for len in 0..=20usize {
            let a: Vec<u8> = (0..len as u8).map(|i| b'a' + i).collect();
            assert!(same_short(&a, &a.clone()));
            for at in 0..len {
                let mut b = a.clone();
                b[at] ^= 1;
                assert!(!same_short(&a, &b), "len {len} at {at}");
            }
        }
    }

    #[test]
    fn lookup_finds_long_and_same_length_names() {
        let long = "n".repeat(40);
        let doc = format!("{{\"{long}\":1,\"abcd\":2,\"abce\":3,\"{long}x\":4}}");
        let o = obj(&doc).unwrap();
        let [l, d, e, lx, missing] =
            o.lookup([long.as_bytes(), b"abcd", b"abce", format!("{long}x").as_bytes(), b"abcf"]).unwrap();
        let n = |v: Option<Value<'_>>| v.and_then(|v| v.as_u64());
        assert_eq!((n(l), n(d), n(e), n(lx), n(missing)), (Some(1), Some(2), Some(3), Some(4), None));
        let [l, d, e] = parse_lookup(doc.as_bytes(), [long.as_bytes(), b"abcd", b"abce"]).unwrap();
        assert_eq!((n(l), n(d), n(e)), (Some(1), Some(2), Some(3)));
        // Long names anywhere in the list, not only first.
        let longx = format!("{long}x");
        let [d, l, e, lx] =
            parse_lookup(doc.as_bytes(), [b"abcd", long.as_bytes(), b"abce", longx.as_bytes()]).unwrap();
        assert_eq!((n(d), n(l), n(e), n(lx)), (Some(2), Some(1), Some(3), Some(4)));
    }

    #[test]
    fn parse_u64_fast_and_long_paths() {
        assert_eq!(parse_u64(b"1700000000"), Some(1_700_000_000));
        assert_eq!(parse_u64(b"9999999999999999999"), Some(9_999_999_999_999_999_999));
        assert_eq!(parse_u64(b"10000000000000000000"), Some(10_000_000_000_000_000_000));
        for other in [&b"-0"[..], b"00", b"0x1", b"12a", b"1 ", b"18446744073709551616", b"99999999999999999999"] {
            assert_eq!(parse_u64(other), None, "{other:?}");
        }
    }

    proptest::proptest! {
        /// Exactly the canonical decimals of a u64: what `str::parse` reads, minus leading zeros.
        #[test]
        fn parse_u64_reads_canonical_decimals(s in "[0-9]{0,21}|[-0-9.eE+a ]{0,6}|[1-9][0-9]{18}") {
            let reference = s.parse::<u64>().ok().filter(|v| v.to_string() == s);
            proptest::prop_assert_eq!(parse_u64(s.as_bytes()), reference);
        }
    }

    #[test]
    fn unescaping() {
        let o = obj(r#"{"s":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00z"}"#).unwrap();
        let s = o.get(b"s").unwrap().unwrap().as_str().unwrap();
        let mut buf = [0u8; 64];
        assert_eq!(s.unescape_into(&mut buf).unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\té😀z".as_bytes());
        let mut small = [0u8; 3];
        assert!(matches!(s.unescape_into(&mut small), Err(Error::BufferTooSmall { needed: 19 })));
    }

    #[test]
    fn string_bodies_validate_like_documents() {
        for ok in ["", "abc", "a\\\"b", "\\u00e9\\ud83d\\ude00", "x\\/y", "é"] {
            let s = Str::from_raw(ok.as_bytes()).unwrap();
            let doc = format!("{{\"k\":\"{ok}\"}}");
            let o = parse_object(doc.as_bytes()).unwrap();
            assert_eq!(o.get(b"k").unwrap().unwrap().as_str().unwrap().raw(), s.raw(), "{ok}");
        }
        for bad in ["\"", "a\"b", "\\", "\\x", "\\u12", "\\ud800", "\\udc00x", "\u{1}", "\\ud800\\u0041"] {
            assert_eq!(Str::from_raw(bad.as_bytes()).map(|_| ()), Err(Error::Malformed), "{bad:?}");
        }
        assert_eq!(Str::from_raw(b"\xff").map(|_| ()), Err(Error::Malformed));
        assert!(Str::from_raw(b"a\\nb").unwrap().is_escaped());
        assert!(!Str::from_raw(b"a/b").unwrap().is_escaped());
    }

    #[test]
    fn integers() {
        assert_eq!(parse_u64(b"0"), Some(0));
        assert_eq!(parse_u64(b"18446744073709551615"), Some(u64::MAX));
        for bad in [&b""[..], b"18446744073709551616", b"01", b"-1", b"1.0", b"1e3", b" 1"] {
            assert_eq!(parse_u64(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn string_bodies_are_validated() {
        for ok in ["", "abc", r#"a\"b"#, r"\u00e9\ud83d\ude00\/\b", "é"] {
            let s = Str::from_raw(ok.as_bytes()).unwrap();
            assert_eq!(s.raw(), ok.as_bytes());
        }
        let s = Str::from_raw(br"\u00e9x").unwrap();
        assert_eq!((s.unescaped_len(), s.plain()), (3, None));
        for bad in [&b"a\"b"[..], b"\\", b"a\\", b"\\x", b"\\ud800", b"\\udc00", b"\x01", b"\xff", b"\\u12"] {
            assert_eq!(Str::from_raw(bad).map(|_| ()), Err(Error::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn signed_integers() {
        for (text, v) in
            [("0", 0), ("-0", 0), ("-1", -1), ("9223372036854775807", i64::MAX), ("-9223372036854775808", i64::MIN)]
        {
            assert_eq!(parse_i64(text.as_bytes()), Some(v), "{text}");
        }
        for bad in [&b""[..], b"-", b"9223372036854775808", b"-9223372036854775809", b"--1", b"-01", b"+1", b"1.0"] {
            assert_eq!(parse_i64(bad), None, "{bad:?}");
        }
        let o = obj(r#"{"a":-5,"b":1.5,"c":"1"}"#).unwrap();
        let [a, b, c] = o.lookup([b"a", b"b", b"c"]).unwrap().map(Option::unwrap);
        assert_eq!((a.as_i64(), b.as_i64(), c.as_i64()), (Some(-5), None, None));
    }

    /// `parse_lookup` must decide exactly as `parse_object` + `Object::lookup` do.
    fn same_as_two_pass(doc: &[u8]) {
        let names: [&[u8]; 3] = [b"a", b"t", b"s"];
        let one = parse_lookup(doc, names).map(|v| v.map(|x| x.map(|x| x.raw())));
        let two = parse_object(doc).and_then(|o| o.lookup(names)).map(|v| v.map(|x| x.map(|x| x.raw())));
        assert_eq!(one, two, "{:?}", String::from_utf8_lossy(doc));
    }

    #[test]
    fn one_pass_lookup_agrees_with_two_passes() {
        let docs = [
            "{}",
            " {\"a\":1} ",
            "{\"a\":[1,2,{\"b\":null}],\"t\":{\"d\":[true,false]},\"s\":\"x\\u00e9\"}",
            "{\"t\":1,\"t\":2}",
            "{\"t\":1,\"\\u0074\":2}",
            "{\"x\":{\"t\":1},\"t\":2}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":1}x",
            "[]",
            "",
            "{",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"\u{1}\"}",
        ];
        for d in docs {
            same_as_two_pass(d.as_bytes());
        }
        same_as_two_pass(b"{\"a\":\"\xff\"}");
        for depth in [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH] {
            same_as_two_pass(format!("{{\"a\":{}{}}}", "[".repeat(depth), "]".repeat(depth)).as_bytes());
        }
    }

    proptest::proptest! {
        #[test]
        fn one_pass_lookup_agrees_on_arbitrary_text(s in "[{}\\[\\],:\"ats0-9 \\\\u]{0,24}") {
            same_as_two_pass(s.as_bytes());
        }
    }

    #[test]
    fn plain_run_finds_the_first_special_byte() {
        for len in 0..40 {
            for special in [b'"', b'\\', 0x00, 0x1f] {
                for at in 0..=len {
                    let mut v: Vec<u8> =
                        (0..len).map(|i| [b'a', 0x20, 0x7f, 0x80, 0xff, b'!', b'#', b'['][i % 8]).collect();
                    if at < len {
                        v[at] = special;
                    }
                    assert_eq!(plain_run(&v), at, "len {len} special {special:#x} at {at}");
                }
            }
        }
        // A byte just above a special one must not hide it, nor be mistaken for one.
        assert_eq!(plain_run(b"ab\x21\x1f  cdefgh"), 3);
        assert_eq!(plain_run(b"\x21\x23\x5d\x5bxxxxxxxx"), 12);
    }
}
