// Document URIs. Only file:// URIs name files (for the package.json lookup
// that decides the module goal); every other scheme (untitled:, vscode-vfs:)
// is still served, as a script unless the extension says otherwise.
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lsp_int.h"

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri) {
    if (strncasecmp(uri, "file://", 7) != 0) return NULL;
    const char *p = uri + 7;
    // Authority: empty or localhost (a UNC host has no local path here).
    if (strncasecmp(p, "localhost/", 10) == 0) p += 9;
    if (*p != '/') return NULL;
    OchBuf out = {0};
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%') {
            int h = hexval(p[1]), l = h >= 0 ? hexval(p[2]) : -1;
            if (h < 0 || l < 0 || (h == 0 && l == 0)) {
                och_buf_free(&out);
                return NULL;
            }
            och_buf_putc(&out, (char)(h * 16 + l));
            p += 2;
        } else {
            och_buf_putc(&out, *p);
        }
    }
    return och_buf_take(&out);
}

void lsp_uri_extension(const char *uri, char *out, size_t n) {
    out[0] = 0;
    size_t end = strcspn(uri, "?#");
    size_t seg = end;
    while (seg > 0 && uri[seg - 1] != '/' && uri[seg - 1] != ':') seg--;
    size_t dot = end;
    while (dot > seg && uri[dot - 1] != '.') dot--;
    if (dot == seg) return;  // no dot in the last segment
    size_t len = end - dot;
    if (len + 1 > n) return;
    for (size_t i = 0; i < len; i++) out[i] = (char)tolower((unsigned char)uri[dot + i]);
    out[len] = 0;
}
