// The Content-Length framing reader: chunking, header variants, and
// resynchronisation after every kind of framing error.
#include <criterion/criterion.h>
#include <string.h>

#include "lsp_int.h"

typedef struct Got {
    int messages, errors;
    char bodies[16][64];
} Got;

static void drain(LspReader *r, Got *g) {
    LspFrame f;
    while (lsp_reader_next(r, &f) != LSP_FRAME_NONE) {
        if (f.kind == LSP_FRAME_MESSAGE) {
            if (g->messages < 16) snprintf(g->bodies[g->messages], 64, "%.*s", (int)f.len, f.body);
            g->messages++;
        } else {
            g->errors++;
        }
    }
}

static Got feed_all(const char *s, size_t n, size_t chunk) {
    LspReader r;
    lsp_reader_init(&r, 1 << 20);
    Got g = {0};
    for (size_t i = 0; i < n; i += chunk) {
        lsp_reader_feed(&r, s + i, i + chunk <= n ? chunk : n - i);
        drain(&r, &g);
    }
    lsp_reader_free(&r);
    return g;
}

static Got feed_str(const char *s) { return feed_all(s, strlen(s), strlen(s)); }

Test(framing, one_message) {
    Got g = feed_str("Content-Length: 2\r\n\r\n{}");
    cr_assert_eq(g.messages, 1);
    cr_assert_eq(g.errors, 0);
    cr_assert_str_eq(g.bodies[0], "{}");
}

Test(framing, any_chunk_size_gives_the_same_messages) {
    const char *s = "Content-Length: 3\r\n\r\n[1]Content-Type: x\r\nContent-Length: 5\r\n\r\n\"abc\"\r\n"
                    "content-length:1\n\n7";
    for (size_t chunk = 1; chunk <= strlen(s); chunk++) {
        Got g = feed_all(s, strlen(s), chunk);
        cr_assert_eq(g.messages, 3, "chunk %zu", chunk);
        cr_assert_eq(g.errors, 0, "chunk %zu", chunk);
        cr_assert_str_eq(g.bodies[0], "[1]");
        cr_assert_str_eq(g.bodies[1], "\"abc\"");
        cr_assert_str_eq(g.bodies[2], "7");
    }
}

Test(framing, missing_length_resyncs_at_next_header) {
    Got g = feed_str("Content-Type: x\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}");
    cr_assert_eq(g.messages, 1);
    cr_assert_geq(g.errors, 1);
    cr_assert_str_eq(g.bodies[0], "{}");
}

Test(framing, bad_length_values_are_errors) {
    const char *bad[] = {"abc", "-1", "1e3", "", "+2", "0x10", "99999999999999", "2 2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "Content-Length: %s\r\n\r\n{}Content-Length: 2\r\n\r\n[]", bad[i]);
        Got g = feed_str(buf);
        cr_assert_geq(g.errors, 1, "%s", bad[i]);
        cr_assert_eq(g.messages, 1, "%s", bad[i]);
        cr_assert_str_eq(g.bodies[0], "[]", "%s", bad[i]);
    }
}

Test(framing, conflicting_lengths) {
    Got g = feed_str("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
    cr_assert_eq(g.messages, 0);
    cr_assert_eq(g.errors, 1);
}

Test(framing, garbage_before_a_header) {
    Got g = feed_str("garbage!\r\nmore}}}Content-Length: 2\r\n\r\n{}");
    cr_assert_eq(g.messages, 1);
    cr_assert_geq(g.errors, 1);
}

Test(framing, unknown_header_line_recovers_the_message) {
    Got g = feed_str("X-Thing: 1\r\nContent-Length: 2\r\n\r\n{}");
    cr_assert_eq(g.messages, 1);
    cr_assert_eq(g.errors, 1);
}

Test(framing, oversized_header) {
    char *s = malloc(20000);
    strcpy(s, "Content-Type: ");
    memset(s + 14, 'x', 15000);
    strcpy(s + 15014, "\r\n\r\nContent-Length: 2\r\n\r\n{}");
    Got g = feed_str(s);
    free(s);
    cr_assert_geq(g.errors, 1);
    cr_assert_eq(g.messages, 1);
}

Test(framing, body_limit) {
    LspReader r;
    lsp_reader_init(&r, 10);
    const char *s = "Content-Length: 11\r\n\r\n01234567890Content-Length: 10\r\n\r\n0123456789";
    lsp_reader_feed(&r, s, strlen(s));
    Got g = {0};
    drain(&r, &g);
    lsp_reader_free(&r);
    cr_assert_eq(g.messages, 1);
    cr_assert_str_eq(g.bodies[0], "0123456789");
}

Test(framing, partial_input_waits) {
    LspReader r;
    lsp_reader_init(&r, 100);
    LspFrame f;
    lsp_reader_feed(&r, "Content-Len", 11);
    cr_assert_eq(lsp_reader_next(&r, &f), LSP_FRAME_NONE);
    lsp_reader_feed(&r, "gth: 4\r\n\r\nab", 12);
    cr_assert_eq(lsp_reader_next(&r, &f), LSP_FRAME_NONE);
    cr_assert_eq(lsp_reader_pending(&r), 2);
    lsp_reader_feed(&r, "cd", 2);
    cr_assert_eq(lsp_reader_next(&r, &f), LSP_FRAME_MESSAGE);
    cr_assert_eq(f.len, 4);
    cr_assert_eq(memcmp(f.body, "abcd", 4), 0);
    lsp_reader_free(&r);
}

Test(framing, random_garbage_never_loses_a_later_message) {
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        char buf[600];
        size_t n = 0;
        int glen = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 200;
        for (int i = 0; i < glen; i++) {
            seed = seed * 1103515245u + 12345u;
            char c = (char)(seed >> 16);
            if (c == 'C' || c == 'c') c = 'x';  // no accidental header names
            buf[n++] = c;
        }
        const char *tail = "\r\n\r\nContent-Length: 2\r\n\r\n{}";
        memcpy(buf + n, tail, strlen(tail));
        n += strlen(tail);
        Got g = feed_all(buf, n, 1 + round % 7);
        cr_assert_eq(g.messages >= 1, 1, "round %d", round);
        cr_assert_str_eq(g.bodies[g.messages - 1 < 16 ? g.messages - 1 : 15], "{}", "round %d", round);
    }
}

Test(json, masks_invalid_utf8_and_lone_surrogates) {
    const char body[] = "{\"t\":\"a\xff\\ud800b\\ud83d\\ude00\"}";
    bool masked;
    json_error_t err;
    json_t *v = lsp_json_parse(body, sizeof body - 1, &masked, &err);
    cr_assert_not_null(v);
    cr_assert(masked);
    const char *t = json_string_value(json_object_get(v, "t"));
    size_t len = json_string_length(json_object_get(v, "t"));
    char *copy = strndup(t, len);
    lsp_json_unmask(copy, &len);
    cr_assert_eq(len, 1 + 1 + 3 + 1 + 4);
    cr_assert_eq(memcmp(copy, "a\xff\xed\xa0\x80" "b\xf0\x9f\x98\x80", len), 0);
    free(copy);
    json_decref(v);
}

Test(json, strings_from_bad_bytes_are_valid) {
    json_t *s = lsp_json_str("a\xffz", 3);
    cr_assert_str_eq(json_string_value(s), "a\xef\xbf\xbdz");
    json_decref(s);
}
