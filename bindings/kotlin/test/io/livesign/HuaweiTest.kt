package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import io.livesign.Huawei.Stream.State

private const val NOTIFY_KEY = "0123456789abcdefghijklmnopqrstuvWXYZ"

/** A notification body; the texts are JSON string text as written. */
private fun body(event: String, domain: String, app: String, stream: String, publishTimestamp: String, authTimestamp: Long,
                 sign: String): ByteArray =
    ("{\"domain\":\"$domain\",\"app\":\"$app\",\"stream\":\"$stream\",\"publish_timestamp\":\"$publishTimestamp\"," +
        "\"event\":\"$event\",\"auth_timestamp\":$authTimestamp,\"auth_sign\":\"$sign\"}").toByteArray()

// Seed 004's example body (auth_sign: the huawei.notify.stream.publish vector).
private val SEED_BODY = """{
    "domain":"push.example.com",
    "app":"live",
    "stream":"example_stream",
    "user_args":"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw",
    "client_ip":"100.111.*.*",
    "node_ip":"112.11.*.*",
    "publish_timestamp":"1587954134",
    "event":"PUBLISH",
    "auth_timestamp":1587954140,
    "auth_sign":"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"
}""".toByteArray()

/** A field as the event id writes it: `%`, `/` and bytes outside printable ASCII as `%XX`. */
private fun idText(field: String): String = field.toByteArray(Charsets.UTF_8).joinToString("") { b ->
    val u = b.toInt() and 0xff
    if (u < 0x20 || u >= 0x7f || u == '%'.toInt() || u == '/'.toInt()) "%%%02X".format(u) else u.toChar().toString()
}

class HuaweiNotificationTest {
    private data class V(val key: String, val event: String, val stream: String, val t: Long, val sign: String)

    // tests/vectors/huawei.json huawei.notify.stream.*; domain push.example.com, app live.
    private val vectors = listOf(
        V(NOTIFY_KEY, "PUBLISH", "example_stream", 1587954140L, "881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"),
        V(NOTIFY_KEY, "PUBLISH_DONE", "example_stream", 1587954140L, "25f620d0b08e77328c8b18f09a54e8e1d5449125e5070c7e2ffb9b0eb3ebbff1"),
        V(NOTIFY_KEY, "PUBLISH", "\u76f4\u64ad\u6d41_1", 1700000000L, "876805b7895d83b1986a79e65a7c2904c00b2a664cb6a0dae4fd3f3b8c1dd608"),
        V("K".repeat(32), "PUBLISH_DONE", "abc", 1700000300L, "3cd7911976f98ac9ba8e0ccb0e7944993203b7ba0328e46dd8159121f75ea588"),
        V("K".repeat(128), "PUBLISH_DONE", "abc", 1700000300L, "c43f12fef193f2f3c7d4550867a1119e448019463b28b016bc00b83c3574eaea"))

    @Test fun everyVector() {
        assertEquals(64, Huawei.SIGN_LEN)
        assertEquals(300, Huawei.DEFAULT_LEEWAY_S)
        // auth_timestamp has exactly 10 digits: no more, so a stream digit cannot move into it.
        assertEquals(9_999_999_999L, Huawei.MAX_AUTH_TIMESTAMP)
        assertEquals(64, Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", Huawei.MAX_AUTH_TIMESTAMP).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", Huawei.MAX_AUTH_TIMESTAMP + 1) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", -1L) }
        // Nor fewer: room1 + 1587954140 is also room11 + 587954140 (1988), which a leeway of
        // decades would reach, so a 9-digit time is refused whatever the leeway.
        assertEquals(1_000_000_000L, Huawei.MIN_AUTH_TIMESTAMP)
        assertEquals(64, Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", Huawei.MIN_AUTH_TIMESTAMP).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", Huawei.MIN_AUTH_TIMESTAMP - 1) }
        val room1 = Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "live", "room1", 1587954140L)
        Huawei.verify(NOTIFY_KEY, body("PUBLISH", "d", "live", "room1", "1", 1587954140L, room1), now = 1587954140L,
            leewaySeconds = Int.MAX_VALUE)
        assertStatus<LiveSignException.Malformed> {
            Huawei.verify(NOTIFY_KEY, body("PUBLISH", "d", "live", "room11", "1", 587954140L, room1), now = 1587954140L,
                leewaySeconds = Int.MAX_VALUE)
        }
        for (v in vectors) {
            assertEquals(v.sign, Huawei.sign(v.key, v.event, "push.example.com", "live", v.stream, v.t))
            HmacKey(v.key).use { k ->
                assertEquals(v.sign, Huawei.sign(k, v.event, "push.example.com", "live", v.stream, v.t))
                val b = body(v.event, "push.example.com", "live", v.stream, "1700000000", v.t, v.sign)
                val e = Huawei.verify(v.key, b, now = v.t)
                val kind = if (v.event == "PUBLISH") Huawei.EventKind.PUBLISH else Huawei.EventKind.PUBLISH_DONE
                assertEquals(Huawei.Event(kind, v.event, "push.example.com", "live", v.stream, null, null, null, "1700000000",
                    1700000000L, v.t, emptySet(), "push.example.com/live/${idText(v.stream)}/1700000000/${v.event}",
                    "push.example.com/live/${idText(v.stream)}/${v.t}/${v.event}"), e)
                assertEquals(e, Huawei.verify(k, b, now = v.t + 300))
                assertStatus<LiveSignException.Expired> { Huawei.verify(k, b, now = v.t + 301) }
                assertStatus<LiveSignException.Expired> { Huawei.verify(v.key, b, now = v.t + 1, leewaySeconds = 0) }
                assertStatus<LiveSignException.Expired> { Huawei.verify(v.key, b) } // the default clock
                val wrong = v.key.dropLast(1) + "x"
                assertStatus<LiveSignException.SignatureMismatch> { Huawei.verify(wrong, b, now = v.t) }
                assertStatus<LiveSignException.Malformed> { Huawei.verify(v.key, b.copyOf(b.size - 1), now = v.t) }
                val tampered = String(b).replace("\"live\"", "\"livf\"").toByteArray()
                assertStatus<LiveSignException.SignatureMismatch> { Huawei.verify(k, tampered, now = v.t) }
            }
        }
    }

    // A present empty field reads as an absent one (null): livesign reports both as {NULL, 0}.
    @Test fun emptyFieldsReadAsAbsent() {
        val sign = Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", 1700000000L)
        val e = Huawei.verify(NOTIFY_KEY, body("PUBLISH", "d", "a", "s", "", 1700000000L, sign), now = 1700000000L)
        assertEquals(Huawei.Event(Huawei.EventKind.PUBLISH, "PUBLISH", "d", "a", "s", null, null, null, null, null, 1700000000L,
            emptySet(), "d/a/s//PUBLISH", "d/a/s/1700000000/PUBLISH"), e)
    }

    @Test fun seedBodyAndNegativeVectors() {
        val e = Huawei.verify(NOTIFY_KEY, SEED_BODY, now = 1587954150L)
        assertEquals(Huawei.EventKind.PUBLISH, e.kind)
        assertEquals("100.111.*.*", e.clientIp)
        assertEquals("112.11.*.*", e.nodeIp)
        assertTrue(e.userArgs!!.startsWith("auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6"))
        assertEquals(1587954134L, e.publishTime)
        assertEquals(1587954140L, e.authTimestamp)
        assertEquals("push.example.com/live/example_stream/1587954134/PUBLISH", e.id)
        // huawei.notify.stream.neg.reordered, .neg.uppercase_hex.
        assertStatus<LiveSignException.SignatureMismatch> {
            Huawei.verify(NOTIFY_KEY, body("PUBLISH", "push.example.com", "live", "example_stream", "1", 1587954140L,
                "96ab3fa3f934ffa89aafb19aba2f8c624c34a3ea71474fc16b607170b8635c73"), now = 1587954140L)
        }
        Huawei.verify(NOTIFY_KEY, body("PUBLISH", "push.example.com", "live", "example_stream", "1", 1587954140L,
            "881453D45E1C4BDF4DBD4AEEECA4246805A575AA0D94D2319E19D17A1162C9BC"), now = 1587954140L)
    }

    @Test fun escapedFieldsAreUnescaped() {
        // huawei.notify.stream.utf8, with escapes in three fields: signed by value.
        val sign = "876805b7895d83b1986a79e65a7c2904c00b2a664cb6a0dae4fd3f3b8c1dd608"
        val b = body("PUBLISH", "push\\u002eexample.com", "live", "\u76f4\u64ad\u6d41\\u005f1", "17\\u00300000000", 1700000000L, sign)
        val e = Huawei.verify(NOTIFY_KEY, b, now = 1700000000L)
        assertEquals(setOf(Huawei.Field.DOMAIN, Huawei.Field.STREAM, Huawei.Field.PUBLISH_TIMESTAMP), e.escapedFields)
        assertEquals(listOf(2, 8, 128), e.escapedFields.map { it.bit }.sorted())
        assertEquals("push.example.com", e.domain)
        assertEquals("\u76f4\u64ad\u6d41_1", e.stream)
        assertEquals("1700000000", e.publishTimestamp)
        assertEquals(1700000000L, e.publishTime)
        // Bytes outside printable ASCII are percent-encoded in the id (the same text in every language).
        assertEquals("push.example.com/live/%E7%9B%B4%E6%92%AD%E6%B5%81_1/1700000000/PUBLISH", e.id)
        // '/' and '%' inside fields are escaped in the id.
        val odd = Huawei.sign(NOTIFY_KEY, "PUBLISH_DONE", "a/b%", "c", "d", 1700000005L)
        val o = Huawei.verify(NOTIFY_KEY, body("PUBLISH_DONE", "a\\/b%", "c", "d", "7", 1700000005L, odd), now = 1700000005L)
        assertEquals("a/b%", o.domain)
        assertEquals("a%2Fb%25/c/d/7/PUBLISH_DONE", o.id)
        assertEquals("a%2Fb%25/c/d/1700000005/PUBLISH_DONE", o.replayId)
    }

    // A captured notification resent with another (unsigned) publish_timestamp: another id, the
    // same replay id.
    @Test fun replayIdCoversTheSignedFieldsOnly() {
        val e = Huawei.verify(NOTIFY_KEY, SEED_BODY, now = 1587954150L)
        assertEquals("push.example.com/live/example_stream/1587954140/PUBLISH", e.replayId)
        val replayed = String(SEED_BODY, Charsets.UTF_8).replace("\"1587954134\"", "\"1587954139\"").toByteArray()
        val r = Huawei.verify(NOTIFY_KEY, replayed, now = 1587954150L)
        assertEquals(1587954139L, r.publishTime)
        assertNotEquals(e.id, r.id)
        assertEquals(e.replayId, r.replayId)
    }

    @Test fun errors() {
        assertStatus<LiveSignException.InvalidKey> { Huawei.verify("k".repeat(31), SEED_BODY, now = 1L) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.sign("k".repeat(129), "PUBLISH", "d", "a", "s", 1700000000L) }
        HmacKey("k".repeat(31)).use { k ->
            assertStatus<LiveSignException.InvalidKey> { Huawei.sign(k, "PUBLISH", "d", "a", "s", 1700000000L) }
        }
        val closed = HmacKey(NOTIFY_KEY)
        closed.close()
        assertStatus<LiveSignException.InvalidArgument> { Huawei.verify(closed, SEED_BODY, now = 1L) }
        assertStatus<LiveSignException.Malformed> { Huawei.verify(NOTIFY_KEY, "{\"event\":\"PUBLISH\"}".toByteArray(), now = 1L) }
    }
}

class HuaweiOrderingTest {
    private fun event(kind: String, publish: String): Huawei.Event {
        val sign = Huawei.sign(NOTIFY_KEY, kind, "push.example.com", "live", "s", 1587954140L)
        return Huawei.verify(NOTIFY_KEY, body(kind, "push.example.com", "live", "s", publish, 1587954140L, sign), now = 1587954140L)
    }

    @Test fun outOfOrderPublishDoneThenPublish() {
        val done1 = event("PUBLISH_DONE", "100")
        val publish1 = event("PUBLISH", "100")
        val publish2 = event("PUBLISH", "200")
        val done2 = event("PUBLISH_DONE", "200")
        val s = Huawei.Stream()
        assertEquals(Huawei.Stream(State.UNSEEN, 0L), s)
        assertEquals(Huawei.Verdict.ENDED, s.apply(done1))
        assertEquals(Huawei.Verdict.STALE, s.apply(publish1)) // late: must not revive the ended session
        assertEquals(Huawei.Stream(State.ENDED, 100L), s)
        assertNotEquals(done1.id, publish1.id)
        assertEquals(Huawei.Verdict.LIVE, s.apply(publish2))
        assertEquals(State.LIVE, s.state)
        assertEquals(200L, s.publishTimestamp)
        assertEquals(Huawei.Verdict.STALE, s.apply(done1))
        assertEquals(Huawei.Verdict.STALE, s.apply(publish2))
        assertEquals(Huawei.Verdict.ENDED, s.apply(done2))
        assertEquals(Huawei.Stream(State.ENDED, 200L), s)
        // Restored from storage.
        val restored = Huawei.Stream(State.LIVE, 200L)
        assertEquals(Huawei.Verdict.ENDED, restored.apply(done2))
        assertEquals(s, restored)
        assertEquals(s.hashCode(), restored.hashCode())
    }

    @Test fun errorsLeaveTheStateAlone() {
        val s = Huawei.Stream(State.LIVE, 100L)
        val unknown = event("RECORD", "300")
        assertEquals(Huawei.EventKind.UNKNOWN, unknown.kind)
        assertEquals("RECORD", unknown.event)
        assertStatus<LiveSignException.InvalidArgument> { s.apply(unknown) }
        val sign = Huawei.sign(NOTIFY_KEY, "PUBLISH", "d", "a", "s", 1700000009L)
        val noTime = Huawei.verify(NOTIFY_KEY, body("PUBLISH", "d", "a", "s", "1587954134,", 1700000009L, sign), now = 1700000009L)
        assertNull(noTime.publishTime)
        assertEquals("1587954134,", noTime.publishTimestamp)
        assertStatus<LiveSignException.Malformed> { s.apply(noTime) }
        assertEquals(Huawei.Stream(State.LIVE, 100L), s)
    }
}

private const val URL_KEY = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly"
private const val OTHER_URL_KEY = "0123456789abcdef0123456789ABCDEF"
private const val RAND = "477b3bbc253f467b8def6711128c7bec"

class HuaweiUrlTest {
    private data class A(val uri: String, val ts: Long, val format: Huawei.TimeFormat, val query: String)

    // tests/vectors/huawei.json huawei.url.a.*: (uri, timestamp, format, query).
    private val aVectors = listOf(
        A("/livetest/huawei1.flv", 1592639100L, Huawei.TimeFormat.DECIMAL,
            "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea"),
        A("/livetest/huawei1.sdp", 1592639100L, Huawei.TimeFormat.DECIMAL,
            "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-4116c2c7939307e86c6654178addc987"),
        A("/livetest/huawei1.flv", 0x5eedbe7cL, Huawei.TimeFormat.HEX,
            "auth_key=5eedbe7c-477b3bbc253f467b8def6711128c7bec-0-f118ba138b3b70dfbf42d4d6f1d75d2e"))

    @Test fun methodA() {
        assertEquals(192, Huawei.UrlA.MAX_LEN)
        assertEquals(32, Huawei.URL_KEY_LEN)
        for ((uri, ts, format, query) in aVectors) {
            assertEquals(query, Huawei.UrlA.build(URL_KEY, uri, ts, format, RAND))
            assertEquals(query, Huawei.UrlA.build(URL_KEY, uri, ts, format, RAND, "0"))
            val url = "https://play.example.com$uri?$query"
            assertEquals(1, Huawei.UrlA.verify(listOf(OTHER_URL_KEY, URL_KEY), url, format, 1800, now = ts))
            assertEquals(0, Huawei.UrlA.verify(listOf(URL_KEY), "$uri?$query", format, 60, now = ts + 60))
            assertStatus<LiveSignException.Expired> { Huawei.UrlA.verify(listOf(URL_KEY), url, format, 60, now = ts + 61) }
            assertEquals(0, Huawei.UrlA.verify(listOf(URL_KEY), url, format, 60, now = ts + 61, leewaySeconds = 1))
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlA.verify(listOf(OTHER_URL_KEY), url, format, 60, now = ts) }
        }
        // The .sdp erratum: Huawei's page prints the .flv hash for the .sdp URL.
        assertStatus<LiveSignException.SignatureMismatch> {
            Huawei.UrlA.verify(listOf(URL_KEY),
                "/livetest/huawei1.sdp?auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea",
                Huawei.TimeFormat.DECIMAL, 1800, now = 1592639100L)
        }
        // The time is hashed as written; in hex mode exactly 10 decimal digits are still decimal,
        // so the decimal vector keeps its expiry (as hex it would run to the year 4900).
        val flv = "/livetest/huawei1.flv?" + aVectors[0].query
        assertStatus<LiveSignException.Expired> {
            Huawei.UrlA.verify(listOf(URL_KEY), flv, Huawei.TimeFormat.DECIMAL, 1800, now = 1592639100L + 1801)
        }
        assertEquals(0, Huawei.UrlA.verify(listOf(URL_KEY), flv, Huawei.TimeFormat.HEX, 1800, now = 1592639100L + 1800))
        assertStatus<LiveSignException.Expired> {
            Huawei.UrlA.verify(listOf(URL_KEY), flv, Huawei.TimeFormat.HEX, 1800, now = 1592639100L + 1801)
        }
        val maxHex = Huawei.UrlA.MAX_HEX_TIMESTAMP
        assertTrue(Huawei.UrlA.build(URL_KEY, "/a", maxHex, Huawei.TimeFormat.HEX, "r").startsWith("auth_key=ffffffff-"))
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlA.build(URL_KEY, "/a", maxHex + 1, Huawei.TimeFormat.HEX, "r") }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlA.build(URL_KEY, "/a", 1L, Huawei.TimeFormat.DECIMAL, "a-b") }
        assertStatus<LiveSignException.InvalidKey> { Huawei.UrlA.build("1".repeat(32), "/a", 1L, Huawei.TimeFormat.DECIMAL, "r") }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.UrlA.verify(listOf(URL_KEY), "/a?auth_key=1", Huawei.TimeFormat.DECIMAL, Huawei.URL_MIN_DURATION_S - 1, now = 1L)
        }
        assertStatus<LiveSignException.Malformed> { Huawei.UrlA.verify(listOf(URL_KEY), "/a?x=1", Huawei.TimeFormat.DECIMAL, 60, now = 1L) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlA.verify(emptyList(), "/a?x=1", Huawei.TimeFormat.DECIMAL, 60) }
    }

    @Test fun methodB() {
        assertEquals(57, Huawei.UrlB.MAX_LEN)
        assertEquals(0xffffffffL, Huawei.UrlB.MAX_TX_TIME)
        // huawei.url.b: Huawei's printed example (txTime 5eed5888 = 1592613000).
        val query = "txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888"
        val t = 0x5eed5888L
        assertEquals(query, Huawei.UrlB.build(URL_KEY, "huawei1", t))
        val url = "http://play.example.com/livetest/huawei1.flv?$query"
        assertEquals(1, Huawei.UrlB.verify(listOf(OTHER_URL_KEY, URL_KEY), "huawei1", url, 60, now = t))
        assertEquals(0, Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", "/livetest/huawei1.m3u8?$query", 60, now = t + 59))
        // Huawei's strict rule: expired at txTime + duration.
        assertStatus<LiveSignException.Expired> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", url, 60, now = t + 60) }
        assertEquals(0, Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", url, 60, now = t + 60, leewaySeconds = 1))
        assertStatus<LiveSignException.Expired> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", url, 60) } // the default clock
        assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlB.verify(listOf(OTHER_URL_KEY), "huawei1", url, 60, now = t) }
        assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei2", url, 60, now = t) }
        // Method B's txTime is hex only (exactly 8 digits): a decimal one, correctly signed, is malformed.
        val decimal = "/livetest/huawei1.flv?txSecret=c18a4a372b8e71a8d6962a0ffd3d1a41&txTime=1592613000"
        assertStatus<LiveSignException.Malformed> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", decimal, 60, now = 1592613059L) }
        val upper = "/livetest/huawei1.flv?txSecret=67edbd2d3923d1ad69b847168a62e3f4&txTime=5EED5888"
        assertEquals(0, Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", upper, 60, now = t))
        for (bad in listOf("/a/huawei1.flv?txSecret=5CDC845362C332A4EC3E09AC5D5571D6&txTime=5eed5888",
                "/a/huawei1.flv?txTime=5eed5888", "$url&txTime=5eed5888",
                "/a/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed588g")) {
            assertStatus<LiveSignException.Malformed> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", bad, 60, now = t) }
        }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", url, 59, now = t) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.UrlB.verify(listOf(URL_KEY), "huawei1", url, Huawei.URL_MAX_DURATION_S + 1, now = t)
        }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.verify(listOf(URL_KEY), "", url, 60, now = t) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.verify(emptyList(), "huawei1", url, 60, now = t) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.UrlB.verify(listOf(URL_KEY.dropLast(1)), "huawei1", url, 60, now = t) }
        // The longest query; the limits.
        assertEquals(Huawei.UrlB.MAX_LEN, Huawei.UrlB.build(URL_KEY, "s", Huawei.UrlB.MAX_TX_TIME).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.build(URL_KEY, "s", Huawei.UrlB.MAX_TX_TIME + 1) }
        // Nor earlier than 8 hex digits: huawei1 + 5eed5888 is also huawei15 + eed5888 (1977), which a
        // leeway of decades would reach, so a 7-digit txTime is malformed whatever the leeway.
        assertEquals(0x10000000L, Huawei.UrlB.MIN_TX_TIME)
        assertEquals(Huawei.UrlB.MAX_LEN, Huawei.UrlB.build(URL_KEY, "s", Huawei.UrlB.MIN_TX_TIME).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.build(URL_KEY, "s", Huawei.UrlB.MIN_TX_TIME - 1) }
        val recut = "/livetest/huawei15.flv?${query.dropLast(8)}eed5888"
        assertStatus<LiveSignException.Malformed> {
            Huawei.UrlB.verify(listOf(URL_KEY), "huawei15", recut, 60, now = t, leewaySeconds = Int.MAX_VALUE)
        }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlB.build(URL_KEY, "", t) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.UrlB.build("12345678901234567890123456789012", "s", t) }
    }

    @Test fun methodD() {
        assertEquals(89, Huawei.UrlD.MAX_LEN)
        assertEquals(0xffffffffL, Huawei.UrlD.MAX_HW_TIME)
        assertEquals(Huawei.UrlD.MAX_LEN, Huawei.UrlD.build(URL_KEY, "s", Huawei.UrlD.MAX_HW_TIME).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.build(URL_KEY, "s", Huawei.UrlD.MAX_HW_TIME + 1) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.build(URL_KEY, "s", -1L) }
        assertEquals(0x10000000L, Huawei.UrlD.MIN_HW_TIME)
        assertEquals(Huawei.UrlD.MAX_LEN, Huawei.UrlD.build(URL_KEY, "s", Huawei.UrlD.MIN_HW_TIME).length)
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.build(URL_KEY, "s", Huawei.UrlD.MIN_HW_TIME - 1) }
        // huawei.url.d, .upper_hex_time; huawei.metastudio.mss_a.
        val query = "hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5eed5888"
        val t = 0x5eed5888L
        assertEquals(query, Huawei.UrlD.build(URL_KEY, "huawei1", t))
        assertEquals("hwSecret=6a31d8b4c39e18510fb5d73ca49f3af2748cbe4896dc6f500a6a51ff2ad81288&hwTime=6553f100",
            Huawei.UrlD.build("0123456789abcdef0123456789abcdef", "/callback/live-event", 0x6553f100L))
        val url = "rtmp://push.example.com/livetest/huawei1?$query"
        HmacKey(URL_KEY).use { key -> HmacKey(OTHER_URL_KEY).use { other ->
            assertEquals(query, Huawei.UrlD.build(key, "huawei1", t))
            assertEquals(1, Huawei.UrlD.verify(listOf(OTHER_URL_KEY, URL_KEY), "huawei1", url, 60, now = t))
            assertEquals(1, Huawei.UrlD.verify(listOf(other, key), "huawei1", url, 60, now = t + 59))
            // Huawei's strict rule: expired at hwTime + duration.
            assertStatus<LiveSignException.Expired> { Huawei.UrlD.verify(listOf(URL_KEY), "huawei1", url, 60, now = t + 60) }
            assertStatus<LiveSignException.Expired> { Huawei.UrlD.verify(listOf(key), "huawei1", url, 60, now = t + 60) }
            assertEquals(0, Huawei.UrlD.verify(listOf(key), "huawei1", url, 60, now = t + 60, leewaySeconds = 1))
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlD.verify(listOf(other), "huawei1", url, 60, now = t) }
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlD.verify(listOf(URL_KEY), "huawei2", url, 60, now = t) }
            val upper = "/livetest/huawei1?hwSecret=079510189b3a054a00aa86e0b66d16d860f1c2755c664cc7c30c1bfec04b145b&hwTime=5EED5888"
            assertEquals(0, Huawei.UrlD.verify(listOf(key), "huawei1", upper, 60, now = t))
            assertEquals(0, Huawei.UrlD.verify(listOf(URL_KEY), "huawei1", upper, 60, now = t))
            val mixed = "/livetest/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5EED5888"
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.UrlD.verify(listOf(key), "huawei1", mixed, 60, now = t) }
            assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.verify(emptyList<HmacKey>(), "huawei1", url, 60, now = t) }
            assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.verify(List(9) { key }, "huawei1", url, 60, now = t) }
            assertStatus<LiveSignException.InvalidArgument> {
                Huawei.UrlD.verify(listOf(URL_KEY), "huawei1", url, Huawei.URL_MAX_DURATION_S + 1, now = t)
            }
        } }
        val closed = HmacKey(URL_KEY)
        closed.close()
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.verify(listOf(closed), "huawei1", url, 60, now = t) }
        // huawei1 + 5eed5888 is also huawei15 + eed5888 (1977): malformed whatever the leeway.
        val recut = "/livetest/huawei15?${query.dropLast(8)}eed5888"
        assertStatus<LiveSignException.Malformed> {
            Huawei.UrlD.verify(listOf(URL_KEY), "huawei15", recut, 60, now = t, leewaySeconds = Int.MAX_VALUE)
        }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlD.build(URL_KEY, "", t) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.UrlD.build(URL_KEY.dropLast(1), "s", t) }
        HmacKey(URL_KEY.dropLast(1)).use { k -> assertStatus<LiveSignException.InvalidKey> { Huawei.UrlD.build(k, "s", t) } }
    }
}

class HuaweiRecordTest {
    private val key = "abcdefghijklmnopqrstuvwxyz012345"

    @Test fun hmacSha256AndMd5() {
        assertEquals(32, Huawei.Record.MD5_LEN)
        assertEquals(32, Huawei.Record.KEY_MIN_LEN)
        // huawei.record.hmacsha256.
        val f = Huawei.Record.Fields(1700000000L, "RECORD_FILE_COMPLETE", "push.example.com", "live", "mystream",
            "https://bucket.obs.example.com/live/mystream/1700000000.m3u8", "https://play.example.com/live/mystream/1700000000.m3u8")
        val want = "c9f9000be42046a17e4934a9d005a207860869499ecb107742b8e6794f750f76"
        assertEquals(want, Huawei.Record.sign(key, f))
        HmacKey(key).use { k ->
            assertEquals(want, Huawei.Record.sign(k, f))
            Huawei.Record.verify(key, f, want, now = 1700000000L)
            Huawei.Record.verify(k, f, want, now = 1700000300L)
            assertStatus<LiveSignException.Expired> { Huawei.Record.verify(key, f, want, now = 1700000301L) }
            assertStatus<LiveSignException.Expired> { Huawei.Record.verify(k, f, want, now = 1700000001L, leewaySeconds = 0) }
            val tampered = f.copy(playUrl = "https://evil.example.com/x.m3u8")
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.Record.verify(key, tampered, want, now = 1700000000L) }
            assertStatus<LiveSignException.SignatureMismatch> { Huawei.Record.verify(k, tampered, want, now = 1700000000L) }
            // Events without a file sign empty URLs.
            val over = Huawei.Record.Fields(1700000000L, "RECORD_OVER", "push.example.com", "live", "mystream")
            Huawei.Record.verify(k, over, Huawei.Record.sign(key, over), now = 1700000000L)
            // authTimestamp has exactly 10 digits: 1700000000 + RECORD_FILE_COMPLETE is also
            // 170000000 + 0RECORD_FILE_COMPLETE (1975), which a leeway of decades would reach.
            val moved = f.copy(authTimestamp = 170000000L, eventType = "0RECORD_FILE_COMPLETE")
            assertStatus<LiveSignException.Malformed> {
                Huawei.Record.verify(key, moved, want, now = 1700000000L, leewaySeconds = Int.MAX_VALUE)
            }
            assertStatus<LiveSignException.Malformed> {
                Huawei.Record.verify(k, moved, want, now = 1700000000L, leewaySeconds = Int.MAX_VALUE)
            }
            assertStatus<LiveSignException.InvalidArgument> { Huawei.Record.sign(key, moved) }
            assertStatus<LiveSignException.InvalidArgument> { Huawei.Record.sign(k, moved) }
        }
        assertStatus<LiveSignException.Malformed> { Huawei.Record.verify(key, f, "c9f9", now = 1700000000L) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.Record.sign(key.drop(1), f) }
        // huawei.record.md5.
        assertEquals("61ce739aaac2390ef2d17ddac72beff0", Huawei.Record.md5Sign(key, 1700000000L))
        Huawei.Record.md5Verify(key, 1700000000L, "61CE739AAAC2390EF2D17DDAC72BEFF0", now = 1700000300L)
        assertStatus<LiveSignException.Expired> {
            Huawei.Record.md5Verify(key, 1700000000L, "61ce739aaac2390ef2d17ddac72beff0", now = 1700000301L)
        }
        assertStatus<LiveSignException.SignatureMismatch> {
            Huawei.Record.md5Verify(key, 1700000001L, "61ce739aaac2390ef2d17ddac72beff0", now = 1700000001L)
        }
        assertStatus<LiveSignException.InvalidKey> { Huawei.Record.md5Sign(key.drop(1), 1L) }
    }

    @Test fun sparkRtc() {
        // tests/vectors/others.json huawei.sparkrtc.record_callback.
        val sparkKey = "sparkrtc-callback-key-0123456789"
        val body = "{\"event\":\"record\"}".toByteArray()
        val sig = "f9f4a473c59739296d9892163bb61a04e27bbbf6a15d6d5441687e6d93ec585b"
        assertEquals(sig, Huawei.SparkRtc.sign(sparkKey, "8f1c2b", "1700000000", body))
        HmacKey(sparkKey).use { k ->
            assertEquals(sig, Huawei.SparkRtc.sign(k, "8f1c2b", "1700000000", body))
            Huawei.SparkRtc.verify(sparkKey, "8f1c2b", "1700000000", body, sig, now = 1700000300L)
            assertStatus<LiveSignException.Expired> { Huawei.SparkRtc.verify(k, "8f1c2b", "1700000000", body, sig, now = 1700000301L) }
            assertStatus<LiveSignException.SignatureMismatch> {
                Huawei.SparkRtc.verify(k, "8f1c2b", "1700000000", "{}".toByteArray(), sig, now = 1700000000L)
            }
            // A send time: refused more than the leeway ahead too.
            Huawei.SparkRtc.verify(k, "8f1c2b", "1700000000", body, sig, now = 1699999700L)
            assertStatus<LiveSignException.Expired> { Huawei.SparkRtc.verify(k, "8f1c2b", "1700000000", body, sig, now = 1699999699L) }
            // A millisecond timestamp.
            val ms = Huawei.SparkRtc.sign(k, "r", "1700000000123", body)
            Huawei.SparkRtc.verify(sparkKey, "r", "1700000000123", body, ms, now = 1700000000L)
            assertStatus<LiveSignException.Expired> { Huawei.SparkRtc.verify(sparkKey, "r", "1700000000123", body, ms, now = 1700000301L) }
            assertStatus<LiveSignException.Malformed> { Huawei.SparkRtc.verify(sparkKey, "r", "17x", body, ms, now = 1L) }
            // A pinned unit: three rand digits moved in front of a seconds timestamp read, by
            // length, as milliseconds and verify about 20 days later; in one unit they do not.
            val replay = Huawei.SparkRtc.sign(k, "20231170", "1700000000", body)
            Huawei.SparkRtc.verify(k, "20231", "1701700000000", body, replay, now = 1701700000L)
            // Huawei sending seconds, a receiver that says so refuses it (13 digits are no seconds).
            val seconds = Huawei.SparkRtc.TimestampUnit.SECONDS
            assertStatus<LiveSignException.Malformed> {
                Huawei.SparkRtc.verify(k, "20231", "1701700000000", body, replay, now = 1701700000L, unit = seconds)
            }
            assertStatus<LiveSignException.Malformed> {
                Huawei.SparkRtc.verify(sparkKey, "20231", "1701700000000", body, replay, now = 1701700000L, unit = seconds)
            }
            // A digit moved the other way leaves 9 (1992 in seconds, inside a leeway of decades):
            // its length refuses it, whatever the leeway.
            assertStatus<LiveSignException.Malformed> {
                Huawei.SparkRtc.verify(sparkKey, "202311701", "700000000", body, replay, now = 1700000000L,
                    leewaySeconds = Int.MAX_VALUE, unit = seconds)
            }
            Huawei.SparkRtc.verify(sparkKey, "20231170", "1700000000", body, replay, now = 1700000000L, unit = seconds)
            // A seconds timestamp (10 digits) is no milliseconds one.
            assertStatus<LiveSignException.Malformed> {
                Huawei.SparkRtc.verify(sparkKey, "20231170", "1700000000", body, replay, now = 1700000000L,
                    unit = Huawei.SparkRtc.TimestampUnit.MILLISECONDS)
            }
            Huawei.SparkRtc.verify(k, "r", "1700000000123", body, ms, now = 1700000000L,
                unit = Huawei.SparkRtc.TimestampUnit.MILLISECONDS)
            assertEquals(listOf(0, 1, 2), Huawei.SparkRtc.TimestampUnit.values().map { it.code })
        }
        assertStatus<LiveSignException.SignatureMismatch> {
            Huawei.SparkRtc.verify(sparkKey, "8f1c2c", "1700000000", body, sig, now = 1700000000L)
        }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.SparkRtc.sign(sparkKey, "r", "17x", body) }
        assertStatus<LiveSignException.InvalidKey> { Huawei.SparkRtc.sign("", "r", "1700000000", body) }
        // Only 10 digits (seconds) or 13 (milliseconds) are a timestamp.
        assertStatus<LiveSignException.InvalidArgument> { Huawei.SparkRtc.sign(sparkKey, "r", "17000000000", body) }
        assertStatus<LiveSignException.Malformed> {
            Huawei.SparkRtc.verify(sparkKey, "r", "17000000000", body, sig, now = 1700000000L)
        }
    }
}
