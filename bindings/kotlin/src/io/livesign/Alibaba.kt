package io.livesign

/**
 * Alibaba Cloud ApsaraVideo Live: URL signing type A and callback signatures. Times are Unix
 * seconds in `Long`s and default to the system clock.
 */
object Alibaba {
    /** Length of an `ALI-LIVE-SIGNATURE` (LIVESIGN_ALIBABA_SIGN_LEN). */
    @JvmStatic val SIGN_LEN: Int = LiveSign.nativeAlibabaSignLen()

    /** The callback window [Callback.verify] takes by default, seconds (LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S). */
    const val DEFAULT_LEEWAY_S: Int = 300

    /** URL signing type A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}` (decimal time). */
    object UrlA {
        /** Longest query [build] writes (LIVESIGN_ALIBABA_URL_A_MAX_LEN). */
        const val MAX_LEN: Int = 192

        /**
         * The query `auth_key=...` for the URL path [uri]; the URL expires at [timestamp] + the
         * validity configured in the console. [rand] and [uid] are 1 to 64 ASCII letters and
         * digits. Throws [LiveSignException.InvalidArgument] for a bad uri, rand or uid,
         * [LiveSignException.InvalidKey] for an empty key.
         */
        @JvmStatic
        @JvmOverloads
        fun build(key: String, uri: String, timestamp: Long, rand: String = "0", uid: String = "0"): String {
            return key.secretUtf8 { k ->
                val u = uri.utf8(); val r = rand.utf8(); val i = uid.utf8()
                String(LiveSign.bounded(MAX_LEN) { out, len -> LiveSign.nativeAlibabaUrlABuild(k, u, timestamp, r, i, out, len) },
                    Charsets.US_ASCII)
            }
        }

        /**
         * Verifies the `auth_key` of a URL against the primary and secondary keys; returns the
         * index of the key that matched. Valid while `now <= timestamp + validitySeconds +
         * leewaySeconds`. Throws [LiveSignException.InvalidArgument], [LiveSignException.InvalidKey],
         * [LiveSignException.Malformed], [LiveSignException.SignatureMismatch],
         * [LiveSignException.Expired].
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, url: String, validitySeconds: Int, now: Long = LiveSign.unixNow(), leewaySeconds: Int = 0): Int {
            val matched = IntArray(1)
            LiveSign.withRing(keys) { joined, lens ->
                LiveSignException.check(LiveSign.nativeAlibabaUrlAVerify(joined, lens, url.utf8(), now, validitySeconds,
                    leewaySeconds, matched))
            }
            return matched[0]
        }
    }

    /** Callback signatures: `ALI-LIVE-SIGNATURE` = md5("{domain}|{ALI-LIVE-TIMESTAMP}|{key}"). */
    object Callback {
        /** The `ALI-LIVE-SIGNATURE` for a domain and an `ALI-LIVE-TIMESTAMP`. */
        @JvmStatic
        fun sign(key: String, domain: String, timestamp: Long): String {
            val out = ByteArray(SIGN_LEN)
            key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeAlibabaCallbackSign(k, domain.utf8(), timestamp, out)) }
            return String(out, Charsets.US_ASCII)
        }

        /**
         * Verifies the two headers as received. The signature covers no body byte, so the window
         * is two-sided: [LiveSignException.Expired] unless `now - leewaySeconds <= timestamp <=
         * now + leewaySeconds`; also [LiveSignException.Malformed] (timestamp not decimal,
         * signature not 32 hex characters), [LiveSignException.SignatureMismatch],
         * [LiveSignException.InvalidKey].
         */
        @JvmStatic
        @JvmOverloads
        fun verify(key: String, domain: String, timestamp: String, signature: String, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = DEFAULT_LEEWAY_S) =
            key.secretUtf8 { k ->
                LiveSignException.check(LiveSign.nativeAlibabaCallbackVerify(k, domain.utf8(), timestamp.utf8(),
                    signature.utf8(), now, leewaySeconds))
            }
    }
}
