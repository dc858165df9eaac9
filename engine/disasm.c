// Bytecode disassembler (`ochre run --print-bytecode`).
#include <stdio.h>

#include "vm_int.h"

const char *const en_bc_op_names[EN_OP_COUNT] = {
#define EN_OP_NAME_(name, ops) #name,
    EN_OPCODES(EN_OP_NAME_)
#undef EN_OP_NAME_
};

const char *const en_bc_op_operands[EN_OP_COUNT] = {
#define EN_OP_OPS_(name, ops) ops,
    EN_OPCODES(EN_OP_OPS_)
#undef EN_OP_OPS_
};

static void put_const(EnContext *cx, EnValue v, OchBuf *out) {
    if (en_is_string(v)) {
        och_buf_putc(out, '"');
        en_str_to_utf8(cx, en_as_string(v), out);
        och_buf_putc(out, '"');
    } else if (en_is_number(v)) {
        char buf[32];
        och_number_to_string(en_as_number(v), buf);
        och_buf_puts(out, buf);
    } else if (en_tag(v) == EN_TAG_CELL) {
        EnCell *c = en_as_ptr(v);
        if (c->type == EN_CELL_FUNCTION_TEMPLATE) {
            EnFunctionTemplate *t = (EnFunctionTemplate *)c;
            och_buf_puts(out, "<function ");
            if (t->name) en_str_to_utf8(cx, t->name, out);
            och_buf_putc(out, '>');
        } else {
            och_buf_puts(out, "<cell>");
        }
    } else {
        och_buf_puts(out, "<value>");
    }
}

void en_bc_disassemble(EnContext *cx, EnFunctionTemplate *t, OchBuf *out) {
    och_buf_puts(out, "== ");
    if (t->flags & EN_TF_SCRIPT) och_buf_puts(out, "<script>");
    else if (t->name && en_str_length(t->name)) en_str_to_utf8(cx, t->name, out);
    else och_buf_puts(out, "<anonymous>");
    OchLineCol lc = en_source_position(t->src, t->node ? t->node->start : 0);
    och_buf_printf(out, " (%s:%u:%u) params=%u regs=%u consts=%u feedback=%u\n",
                   t->src->filename, lc.line + 1, lc.column + 1, t->nparams, t->nregs,
                   t->nconsts, t->nfeedback);
    for (uint32_t pc = 0; pc < t->code_len;) {
        uint32_t op = t->code[pc];
        if (op >= EN_OP_COUNT) {
            och_buf_printf(out, "%5u  ??? %u\n", pc, op);
            pc++;
            continue;
        }
        int64_t src = en_bc_source_offset(t, pc);
        OchLineCol l = en_source_position(t->src, src < 0 ? 0 : (uint32_t)src);
        och_buf_printf(out, "%5u  %-16s", pc, en_bc_op_names[op]);
        const char *ops = en_bc_op_operands[op];
        uint32_t n = (uint32_t)strlen(ops);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t w = t->code[pc + 1 + i];
            switch (ops[i]) {
            case 'r': och_buf_printf(out, " r%u", w); break;
            case 'k':
                och_buf_printf(out, " k%u=", w);
                if (w < t->nconsts) put_const(cx, t->consts[w], out);
                break;
            case 'f': och_buf_printf(out, " [%u]", w); break;
            case 'i': och_buf_printf(out, " %d", (int32_t)w); break;
            case 'j': och_buf_printf(out, " -> %u", (uint32_t)((int32_t)(pc + 1 + n) + (int32_t)w)); break;
            default: och_buf_printf(out, " %u", w); break;
            }
        }
        och_buf_printf(out, "    ; %u:%u\n", l.line + 1, l.column + 1);
        pc += 1 + n;
    }
    for (uint32_t i = 0; i < t->nhandlers; i++)
        och_buf_printf(out, "  handler [%u, %u) -> %u\n", t->handlers[i].start, t->handlers[i].end,
                       t->handlers[i].handler);
}
