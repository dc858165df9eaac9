// Stack traces: "    at fn (file:line:col)" per JS frame, innermost
// first, from each frame's saved pc through the template's position table.
#include <stdio.h>

#include "vm_int.h"

#define EN_STACK_TRACE_LIMIT 10

void en_vm_capture_stack(EnContext *cx, EnStrBuilder *sb) {
    EnVM *vm = cx->rt->vm;
    uint32_t shown = 0;
    for (uint32_t i = vm->depth; i > 0 && shown < EN_STACK_TRACE_LIMIT; i--, shown++) {
        EnFrame *f = &vm->frames[i - 1];
        EnFunctionTemplate *t = f->tmpl;
        uint32_t off = f->pc ? (uint32_t)(f->pc - t->code) : 0;
        int64_t src = en_bc_source_offset(t, off ? off - 1 : 0);
        OchLineCol lc = en_source_position(t->src, src < 0 ? 0 : (uint32_t)src);
        char buf[64];
        en_sb_ascii(sb, "\n    at ", 8);
        bool named = !(t->flags & EN_TF_SCRIPT) && t->name && en_str_length(t->name);
        if (named) {
            if (f->flags & EN_FRAME_CONSTRUCT) en_sb_ascii(sb, "new ", 4);
            en_sb_string(sb, t->name);
            en_sb_ascii(sb, " (", 2);
        }
        const char *file = t->src->filename ? t->src->filename : "<eval>";
        // File names are UTF-8: add them unit by unit as Latin-1 only when
        // ASCII; otherwise through a string.
        EnString *fs = en_str_from_utf8(cx, file, strlen(file));
        if (fs) en_sb_string(sb, fs);
        int n = snprintf(buf, sizeof buf, ":%u:%u", lc.line + 1, lc.column + 1);
        en_sb_ascii(sb, buf, (size_t)n);
        if (named) en_sb_unit(sb, ')');
    }
}
