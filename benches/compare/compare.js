// Node side of the side-by-side benchmark (benches/compare/run.sh): Tencent's official
// `tls-sig-api-v2` (npm 1.0.2) UserSig generation. Prints `<round> <name> <ns/op>`.
"use strict";
const TLSSigAPIv2 = require("tls-sig-api-v2");

const api = new TLSSigAPIv2.Api(1400000000, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e");

function sample(fn) {
  for (let n = 1; ; n *= 2) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns > 20e6) return ns / n;
  }
}

const round = process.argv[2];
sample(() => api.genUserSig("xiaojun", 180 * 86400)); // warm up the JIT
console.log(`${round} usersig_gen/node_official ${sample(() => api.genUserSig("xiaojun", 180 * 86400)).toFixed(1)}`);
