//! The Tencent Chat / TRTC RESTful API (seed 002): the request URL, the JSON envelope every
//! response carries, and the common error codes 60002–60021.
//!
//! A request is an HTTPS POST to
//! `https://console.tim.qq.com/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`
//! with a JSON body (`{}` when the command takes nothing). The response body is JSON with
//! `ActionStatus`, `ErrorInfo`, `ErrorCode` and (not in every service's responses) `RequestId`
//! beside the command's own fields.

mod errors;
mod response;
mod url;

pub use errors::{CATALOG, Category, RestError, Retry, lookup};
pub use response::{ActionStatus, Response, field};
pub use url::RequestUrl;
