// Generates UserSigs and PrivateMapKeys with Tencent's official npm package
// (tls-sig-api-v2 1.0.2) at a pinned clock, for tests/interop_usersig.rs.
//
// stdin: one JSON object per line: {"api", "sdkappid", "key", "identifier", "expire", "time",
// "userbuf_hex", "roomid", "roomstr", "privilege"}; api is one of genUserSig, genSig (with
// the userbuf), genPrivateMapKey, genPrivateMapKeyWithStringRoomID.
// stdout: one JSON object per line: {"usersig": "..."}.
// The package reads the clock with Date.now(); the test replaces it for each token.
'use strict';
const path = require('path');
const readline = require('readline');

const dir = process.env.LIVESIGN_INTEROP_DIR || path.join(__dirname, '..', '..', 'target', 'interop');
const TLSSigAPIv2 = require(path.resolve(dir, 'node', 'node_modules', 'tls-sig-api-v2'));

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const c = JSON.parse(line);
  Date.now = () => c.time * 1000;
  const api = new TLSSigAPIv2.Api(c.sdkappid, c.key);
  let sig;
  switch (c.api) {
    case 'genUserSig':
      sig = api.genUserSig(c.identifier, c.expire);
      break;
    case 'genSig':
      sig = api.genSig(c.identifier, c.expire, Buffer.from(c.userbuf_hex, 'hex'));
      break;
    case 'genPrivateMapKey':
      sig = api.genPrivateMapKey(c.identifier, c.expire, c.roomid, c.privilege);
      break;
    case 'genPrivateMapKeyWithStringRoomID':
      sig = api.genPrivateMapKeyWithStringRoomID(c.identifier, c.expire, c.roomstr, c.privilege);
      break;
    default:
      throw new Error('unknown api ' + c.api);
  }
  process.stdout.write(JSON.stringify({ usersig: sig }) + '\n');
});
