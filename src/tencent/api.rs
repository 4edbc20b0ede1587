//! Tencent CSS legacy API requests (the commands of seed 003): an HTTP GET whose query carries
//! the caller's APPID, the command name (`interface`), `t` and `sign` (the `t + sign` scheme),
//! then the command's parameters, typed by prefix (`Param.s.` strings, `Param.n.` numbers);
//! and a reader for the JSON response's status fields.
//!
//! Tencent's pages name the APPID parameter `cmd` for the statistics commands (served from
//! `statcgi.video.qcloud.com`, e.g. Get_LiveStat, Get_LivePushStatHistory; the seeds' "cmd is
//! invalid") and `appid` for the `fcgi.video.qcloud.com` commands (e.g. Live_Channel_GetStatus,
//! Live_Tape_Stop; "appid is invalid"). [`Command::appid_param`] gives the documented name.

use core::ffi::CStr;

use super::sign;
use crate::json::{self, Str, Value};
use crate::limits::{self, Limits};
use crate::text::{self, Decimal, Out};
use crate::{Error, url};

/// The legacy CSS API commands listed in seed 003 (its duplicated Get_LivePushStatHistory row
/// is Get_LivePlayStatHistory, as seed 000 names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// `Get_LiveStat`: push and play statistics.
    GetLiveStat,
    /// `Get_LivePushStat`: push statistics.
    GetLivePushStat,
    /// `Get_LivePlayStat`: play statistics.
    GetLivePlayStat,
    /// `Get_LivePushStatHistory`: push history.
    GetLivePushStatHistory,
    /// `Get_LivePlayStatHistory`: play statistics history.
    GetLivePlayStatHistory,
    /// `Live_Channel_GetStatus`: the status of one stream.
    LiveChannelGetStatus,
    /// `Live_Channel_SetStatus`: enable or ban pushing a stream.
    LiveChannelSetStatus,
    /// `Live_Tape_GetFilelist`: recording files of a stream.
    LiveTapeGetFilelist,
    /// `Live_Queue_Get`: screenshot files of a stream.
    LiveQueueGet,
    /// `Live_Channel_GetChannelList`: the channel list.
    LiveChannelGetChannelList,
    /// `Live_Channel_GetLiveChannelList`: channels that are live.
    LiveChannelGetLiveChannelList,
    /// `Mix_StreamV2`: cloud stream mixing (`mix_streamv2.start_mix_stream_advanced` and
    /// friends). Unlike the others it is a POST: this query goes in the URL and the mixing
    /// request is the caller's JSON body.
    MixStreamV2,
    /// `channel_manager`: stop a push and delay its resumption (`Param.s.action=forbid|resume`).
    ChannelManager,
    /// `Live_Tape_Start`: create a recording task.
    LiveTapeStart,
    /// `Live_Tape_Stop`: end a recording task.
    LiveTapeStop,
}

/// The statistics host and path.
const STATCGI: &CStr = c"http://statcgi.video.qcloud.com/common_access";
/// The management host and path.
const FCGI: &CStr = c"http://fcgi.video.qcloud.com/common_access";

/// Every command, in the order of seed 003's list.
const ALL: [Command; 15] = [
    Command::GetLiveStat,
    Command::GetLivePushStat,
    Command::GetLivePlayStat,
    Command::GetLivePushStatHistory,
    Command::GetLivePlayStatHistory,
    Command::LiveChannelGetStatus,
    Command::LiveChannelSetStatus,
    Command::LiveTapeGetFilelist,
    Command::LiveQueueGet,
    Command::LiveChannelGetChannelList,
    Command::LiveChannelGetLiveChannelList,
    Command::MixStreamV2,
    Command::ChannelManager,
    Command::LiveTapeStart,
    Command::LiveTapeStop,
];

impl Command {
    /// Every command, in the order of seed 003's list.
    pub fn all() -> &'static [Command; 15] {
        &ALL
    }

    /// The `interface` value, as a C string.
    pub(crate) const fn c_name(self) -> &'static CStr {
        match self {
            Command::GetLiveStat => c"Get_LiveStat",
            Command::GetLivePushStat => c"Get_LivePushStat",
            Command::GetLivePlayStat => c"Get_LivePlayStat",
            Command::GetLivePushStatHistory => c"Get_LivePushStatHistory",
            Command::GetLivePlayStatHistory => c"Get_LivePlayStatHistory",
            Command::LiveChannelGetStatus => c"Live_Channel_GetStatus",
            Command::LiveChannelSetStatus => c"Live_Channel_SetStatus",
            Command::LiveTapeGetFilelist => c"Live_Tape_GetFilelist",
            Command::LiveQueueGet => c"Live_Queue_Get",
            Command::LiveChannelGetChannelList => c"Live_Channel_GetChannelList",
            Command::LiveChannelGetLiveChannelList => c"Live_Channel_GetLiveChannelList",
            Command::MixStreamV2 => c"Mix_StreamV2",
            Command::ChannelManager => c"channel_manager",
            Command::LiveTapeStart => c"Live_Tape_Start",
            Command::LiveTapeStop => c"Live_Tape_Stop",
        }
    }

    /// The `interface` value, e.g. `Live_Channel_GetStatus`.
    pub fn name(self) -> &'static str {
        self.c_name().to_str().unwrap_or_default()
    }

    /// The command whose `interface` value is exactly `name` (case-sensitive, as Tencent
    /// compares it).
    pub fn from_name(name: &[u8]) -> Option<Self> {
        ALL.into_iter().find(|c| c.c_name().to_bytes() == name)
    }

    /// The statistics commands, served from `statcgi.video.qcloud.com` with `cmd=`.
    const fn is_statistics(self) -> bool {
        matches!(
            self,
            Command::GetLiveStat
                | Command::GetLivePushStat
                | Command::GetLivePlayStat
                | Command::GetLivePushStatHistory
                | Command::GetLivePlayStatHistory
        )
    }

    /// The documented URL up to the `?`, as a C string.
    pub(crate) const fn c_default_base(self) -> &'static CStr {
        if self.is_statistics() { STATCGI } else { FCGI }
    }

    /// The documented URL up to the `?`: `http://statcgi.video.qcloud.com/common_access` for
    /// the statistics commands, `http://fcgi.video.qcloud.com/common_access` for the others.
    pub fn default_base(self) -> &'static str {
        self.c_default_base().to_str().unwrap_or_default()
    }

    /// The name of the APPID parameter on the command's documentation page: `cmd` for the
    /// statistics commands, `appid` for the others.
    pub const fn appid_param(self) -> &'static str {
        if self.is_statistics() { "cmd" } else { "appid" }
    }
}

/// How a command parameter is typed in the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// `Param.s.<name>`: a string.
    String,
    /// `Param.n.<name>`: an integer (`-`? then decimal digits).
    Number,
}

/// One command parameter: its name without the `Param.s.` / `Param.n.` prefix, and its value,
/// both UTF-8 and unencoded (the builder percent-encodes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param<'a> {
    /// String or number.
    pub kind: ParamKind,
    /// E.g. `channel_id`.
    pub name: &'a [u8],
    /// E.g. `8888_test123`.
    pub value: &'a [u8],
}

/// Writes the signed request URL
/// `{base}?{appid_param}={appid}&interface={command}&t={t}&sign={sign}&Param.s.{name}={value}...`
/// into `out` and returns its length. `base` is the URL up to the `?`; `None` uses
/// [`Command::default_base`]. Parameter names and values are percent-encoded (everything but
/// `A-Z a-z 0-9 - . _ ~`); `t` is the expiry, Unix seconds.
///
/// Errors, in this order: [`Error::InvalidArgument`] when `base` is not an absolute URL
/// (`scheme://host/path`, the host not empty, without `%`, a dotted-quad IPv4 address if its
/// last label is a number; in brackets, an IPv6 address) without query or
/// fragment (nor a `\` in an http(s), ws(s), ftp or file one, which browsers read as `/`), a
/// parameter name is empty or not UTF-8, a string value is not UTF-8, a number value is not `-`? followed by decimal digits, or an
/// input is over its limit (`base` and values [`crate::Limits::MAX_URL_LEN`], names
/// [`crate::Limits::MAX_ID_LEN`]); [`Error::InvalidKey`] for an empty key or one over
/// [`crate::Limits::MAX_KEY_LEN`]; [`Error::BufferTooSmall`] with the exact size needed (`out` untouched).
pub fn build(
    command: Command,
    base: Option<&[u8]>,
    appid: u64,
    key: &[u8],
    t: u64,
    params: &[Param<'_>],
    out: &mut [u8],
) -> Result<usize, Error> {
    let base = base.unwrap_or(command.c_default_base().to_bytes());
    limits::check(base, Limits::MAX_URL_LEN)?;
    if !valid_base(base) || !params.iter().all(valid_param) {
        return Err(Error::InvalidArgument);
    }
    let sign = sign::sign(key, t)?;
    text::write_whole(out, usize::MAX, |o| write_query(command, base, appid, t, &sign, params, o))
}

/// The signed URL: `base`, then the query; [`build`] checked every input.
fn write_query(
    command: Command,
    base: &[u8],
    appid: u64,
    t: u64,
    signature: &sign::Sign,
    params: &[Param<'_>],
    o: &mut Out<'_>,
) {
    o.push(base);
    o.push(b"?");
    o.push(command.appid_param().as_bytes());
    o.push(b"=");
    o.push(Decimal::new(appid).as_bytes());
    o.push(b"&interface=");
    o.push(command.c_name().to_bytes());
    o.push(b"&t=");
    o.push(Decimal::new(t).as_bytes());
    o.push(b"&sign=");
    o.push(signature.as_bytes());
    for p in params {
        o.push(match p.kind {
            ParamKind::String => b"&Param.s.",
            ParamKind::Number => b"&Param.n.",
        });
        url::encode_component(p.name, o);
        o.push(b"=");
        url::encode_component(p.value, o);
    }
}

fn valid_base(base: &[u8]) -> bool {
    !base.contains(&b'?')
        && !base.contains(&b'#')
        && url::parse(base).is_ok_and(|u| !u.scheme.is_empty() && has_host(u.authority))
}

/// Whether an authority (`[userinfo@]host[:port]`) names a host: `http://:80/p`,
/// `http://user@/p` and `http://[]/p` name no server, and every HTTP client refuses them; a
/// name that clients read as different hosts (`010.0.0.1`, see [`crate::host`]) is no host
/// either.
fn has_host(authority: &[u8]) -> bool {
    let host_port = authority.rsplit(|&b| b == b'@').next().unwrap_or_default();
    // Brackets hold an IPv6 address (`[::1]:80`), with colons of its own; only a port may
    // follow them.
    if let Some(rest) = host_port.strip_prefix(b"[") {
        let Some(close) = rest.iter().position(|&b| b == b']') else { return false };
        let after = &rest[close + 1..];
        return crate::host::is_ipv6(&rest[..close]) && (after.is_empty() || after.starts_with(b":"));
    }
    let name = host_port.split(|&b| b == b':').next().unwrap_or_default();
    !name.is_empty() && crate::host::reads_alike(name)
}

fn valid_param(p: &Param<'_>) -> bool {
    let value_ok = match p.kind {
        ParamKind::String => core::str::from_utf8(p.value).is_ok(),
        ParamKind::Number => {
            let digits = p.value.strip_prefix(b"-").unwrap_or(p.value);
            !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
        }
    };
    let lengths_ok = p.name.len() <= Limits::MAX_ID_LEN && p.value.len() <= Limits::MAX_URL_LEN;
    lengths_ok && value_ok && !p.name.is_empty() && core::str::from_utf8(p.name).is_ok()
}

/// The status fields of a legacy API response, borrowed from its body.
#[derive(Debug, Clone, Copy)]
pub struct Response<'a> {
    /// `ret`: 0 on success (most commands). Mix_StreamV2 names its status `code`
    /// (`{"code":0,"message":"Success!","timestamp":...}`): in a response with neither `ret`
    /// nor `retcode`, `code` is read here.
    pub ret: Option<i64>,
    /// `retcode`: the status some commands send instead of, or beside, `ret`.
    pub retcode: Option<i64>,
    /// `errmsg`, when present.
    pub errmsg: Option<Str<'a>>,
    /// `message`: the error text, when present.
    pub message: Option<Str<'a>>,
}

impl Response<'_> {
    /// The response's status, to look up with [`super::errors::by_code`]: `ret`, unless it is
    /// absent or 0 and `retcode` is not 0. Fail-closed: when a body carries both and they
    /// disagree (`{"ret":0,"retcode":1202}`; Tencent documents no such response), it is never
    /// read as a success.
    pub fn code(&self) -> i64 {
        [self.ret, self.retcode].into_iter().flatten().find(|&c| c != 0).unwrap_or_default()
    }
}

/// Reads `ret`, `retcode`, `errmsg` and `message` from a response body; in a body with
/// neither `ret` nor `retcode`, Mix_StreamV2's `code` is read as `ret`.
///
/// [`Error::InvalidArgument`] when the body is longer than
/// [`crate::Limits::MAX_RESPONSE_LEN`]; [`Error::Malformed`] when it is not one strict JSON
/// object, one of the fields occurs twice or has the wrong type (`ret`, `retcode` and a `code`
/// read as `ret` must be integers that fit an `i64`, `errmsg` and `message` strings), or none
/// of `ret`, `retcode` and `code` is present.
pub fn read_response(body: &[u8]) -> Result<Response<'_>, Error> {
    limits::check(body, Limits::MAX_RESPONSE_LEN)?;
    let [ret, retcode, code, errmsg, message] =
        json::parse_lookup(body, [b"ret", b"retcode", b"code", b"errmsg", b"message"])?;
    let int = |v: Option<Value<'_>>| v.map(|v| v.as_i64().ok_or(Error::Malformed)).transpose();
    let ret = if ret.is_none() && retcode.is_none() { code } else { ret };
    let response = Response { ret: int(ret)?, retcode: int(retcode)?, errmsg: text(errmsg)?, message: text(message)? };
    if response.ret.is_none() && response.retcode.is_none() {
        return Err(Error::Malformed);
    }
    Ok(response)
}

/// An optional string field; present with another type is `Malformed`.
fn text(v: Option<Value<'_>>) -> Result<Option<Str<'_>>, Error> {
    v.map(|v| v.as_str().ok_or(Error::Malformed)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";

    #[test]
    fn documented_example() {
        // tencent-legacy-api.md: the Live_Channel_GetLiveChannelList example.
        let mut buf = [0u8; 256];
        let n = build(Command::LiveChannelGetLiveChannelList, None, 1234, KEY, 1471850187, &[], &mut buf).unwrap();
        assert_eq!(
            &buf[..n],
            b"http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_GetLiveChannelList&t=1471850187&sign=b17971b51ba0fe5916ddcd96692e9fb3"
        );
    }

    #[test]
    fn names_round_trip() {
        for &c in Command::all() {
            assert_eq!(Command::from_name(c.name().as_bytes()), Some(c));
        }
        assert_eq!(Command::from_name(b"get_livestat"), None);
        assert_eq!(Command::from_name(b""), None);
    }

    #[test]
    fn parameters_are_checked() {
        let mut buf = [0u8; 256];
        let bad = [
            Param { kind: ParamKind::String, name: b"", value: b"x" },
            Param { kind: ParamKind::String, name: b"\xff", value: b"x" },
            Param { kind: ParamKind::String, name: b"a", value: b"\xff" },
            Param { kind: ParamKind::Number, name: b"a", value: b"" },
            Param { kind: ParamKind::Number, name: b"a", value: b"-" },
            Param { kind: ParamKind::Number, name: b"a", value: b"1.5" },
        ];
        for p in bad {
            assert_eq!(build(Command::LiveTapeStop, None, 1, KEY, 1, &[p], &mut buf), Err(Error::InvalidArgument));
        }
        for base in
            [&b""[..], b"/common_access", b"http://h/p?x=1", b"http://h/p#f", b"http://h p/", b"http://h/a\\..\\p"]
                .into_iter()
                .chain([&b"wss://h/a\\p"[..], b"ftp://h\\p", b"FILE://h/a\\p"])
        {
            assert_eq!(build(Command::LiveTapeStop, Some(base), 1, KEY, 1, &[], &mut buf), Err(Error::InvalidArgument));
        }
        assert_eq!(build(Command::LiveTapeStop, None, 1, b"", 1, &[], &mut buf), Err(Error::InvalidKey));
    }

    #[test]
    fn responses() {
        let r = read_response(br#"{"ret":0,"message":"","output":{"a":1}}"#).unwrap();
        assert_eq!((r.ret, r.retcode, r.code()), (Some(0), None, 0));
        assert_eq!(r.message.unwrap().raw(), b"");
        let r = read_response(br#"{"retcode":-1,"errmsg":"x\"y"}"#).unwrap();
        assert_eq!((r.ret, r.code()), (None, -1));
        assert_eq!(r.errmsg.unwrap().raw(), b"x\\\"y");
        // Both present: the first that is not 0, so that a disagreement never reads as success.
        for (body, code) in [
            (&br#"{"ret":0,"retcode":1202}"#[..], 1202),
            (br#"{"retcode":0,"ret":1204}"#, 1204),
            (br#"{"ret":1001,"retcode":1202}"#, 1001),
            (br#"{"ret":0,"retcode":0}"#, 0),
        ] {
            assert_eq!(read_response(body).unwrap().code(), code, "{}", String::from_utf8_lossy(body));
        }
        for bad in [
            &br#"{}"#[..],
            br#"{"ret":"0"}"#,
            br#"{"ret":1.0}"#,
            br#"{"ret":0,"ret":1}"#,
            br#"{"ret":0,"message":1}"#,
            b"{\"ret\":0",
        ] {
            assert_eq!(read_response(bad).map(|_| ()), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
