// Bytecode: instruction set, function templates, feedback slots, source
// positions. Owner: the VM (compiler*.c, interp*.c, disasm.c). See
// docs/adr/0008-bytecode-and-frames.md.
//
// Encoding: a template's code is an array of 32-bit words. Word 0 of an
// instruction is its opcode; each operand is one word. Operand kinds (the
// string of each EN_OPCODES entry, one letter per operand):
//   r  register index (frame register file)
//   k  constant-pool index (template->consts)
//   f  feedback-slot index (template->feedback)
//   i  signed 32-bit immediate
//   n  unsigned count
//   j  signed jump offset, relative to the end of the instruction
// Most instructions take the accumulator (acc) as an implicit input and
// leave their result in it.
#ifndef OCHRE_ENGINE_BYTECODE_INT_H
#define OCHRE_ENGINE_BYTECODE_INT_H

#include "analyzer.h"
#include "runtime_int.h"

// X(name, operand kinds)
#define EN_OPCODES(X)                                                          \
    /* loads and stores */                                                   \
    X(LdaUndef, "") X(LdaNull, "") X(LdaTrue, "") X(LdaFalse, "")            \
    X(LdaUninit, "") X(LdaInt, "i") X(LdaConst, "k")                         \
    X(Ldar, "r") X(Star, "r") X(Mov, "rr")                                   \
    X(ThrowIfUninit, "k")       /* acc is EN_UNINIT: ReferenceError k */     \
    X(LdaEnv, "nn") X(StaEnv, "nn") /* hops, slot */                         \
    X(PushEnv, "n") X(PopEnv, "") X(CopyEnv, "") X(SaveEnv, "r") X(RestoreEnv, "r")                             \
    X(LdaGlobal, "kf") X(LdaGlobalTypeof, "kf") X(StaGlobal, "kf")           \
    X(StaGlobalInit, "k") X(DeclareGlobalVar, "k") X(DeclareGlobalFn, "k")   \
    X(DeclareGlobalLex, "kn")                                                \
    X(LdaThis, "") X(LdaNewTarget, "") X(LdaCallee, "")                      \
    X(CreateClosure, "k") X(CreateArguments, "") X(CreateRest, "n")         \
    X(CallRuntime, "nrn")  /* acc = runtime fn n(frame, acc, R[r..r+n)): interp_runtime_int.h */ \
    /* properties */                                                         \
    X(GetNamed, "rkf") X(SetNamed, "rkf") X(GetKeyed, "rf")                  \
    X(SetKeyed, "rrf") X(DeleteNamed, "rk") X(DeleteKeyed, "r")              \
    X(DefineField, "rk") X(DefineKeyed, "rr")                                \
    X(DefineGetter, "rr") X(DefineSetter, "rr") X(CopyDataProps, "r")        \
    X(SetProto, "r") X(SetFnName, "r")                                       \
    X(ObjectRest, "rrn")   /* acc = copy of R[a] without the keys R[b..b+n) */ \
    X(CreateObject, "") X(CreateArray, "n") X(ArrayPush, "r")                \
    X(ArrayHole, "r") X(ArraySpread, "r") X(CreateRegExp, "kk")              \
    /* operators: acc = r OP acc */                                          \
    X(Add, "rf") X(Sub, "rf") X(Mul, "rf") X(Div, "rf") X(Mod, "rf")         \
    X(Exp, "rf") X(BitOr, "rf") X(BitXor, "rf") X(BitAnd, "rf")              \
    X(Shl, "rf") X(Sar, "rf") X(Shr, "rf")                                   \
    X(Eq, "r") X(Ne, "r") X(SEq, "r") X(SNe, "r") X(Lt, "r") X(Le, "r")      \
    X(Gt, "r") X(Ge, "r") X(In, "r") X(InstanceOf, "r")                      \
    /* unary on acc */                                                       \
    X(Neg, "") X(ToNumber, "") X(ToNumeric, "") X(Not, "") X(BitNot, "")     \
    X(TypeOf, "") X(Inc, "") X(Dec, "") X(ToStr, "") X(ToPropertyKey, "")    \
    X(ToObject, "")                                                          \
    /* control */                                                            \
    X(Jmp, "j") X(JmpTrue, "j") X(JmpFalse, "j") X(JmpNullish, "j")          \
    X(JmpNotNullish, "j") X(JmpUndef, "j") X(JmpNotUndef, "j") X(Loop, "j")  \
    X(ForInPrep, "r")      /* acc obj -> r: key array, r+1: index, r+2 obj */ \
    X(ForInNext, "rj")     /* acc = next key, or jump when done */          \
    X(GetIterator, "r")    /* acc iterable -> r: iterator, r+1: next */     \
    X(IterNext, "rj")      /* acc = next value, or jump when done */        \
    X(IterClose, "r") X(IterCloseThrow, "r")                            \
    X(IterValue, "r")      /* acc = next value or undefined (sets done) */ \
    X(IterRest, "r")       /* acc = array of the remaining values */      \
    X(IterEnd, "r")        /* closes the iterator unless done */                                                        \
    /* calls */                                                              \
    X(Call, "rrnf")        /* fn, base (this then args), argc */            \
    X(CallSpread, "rr")    /* fn, base (this; base+1: array of args) */     \
    X(New, "rrnf")         /* fn, base (args), argc */                      \
    X(NewSpread, "rr")     /* fn, base: array of args */                    \
    /* classes */                                                            \
    X(DefineClass, "krn")  /* ctor template, r: heritage, n: has heritage -> acc F, r+1 proto */ \
    X(DefineMethod, "rrn") /* target, key, kind 0 method 1 get 2 set; acc closure */ \
    X(SetFields, "r")      /* F.[[Fields]] = acc (initializer closure) */  \
    X(InitFields, "")      /* runs the callee's field initializer on this */ \
    X(CreatePrivateName, "k")                                               \
    X(GetPrivate, "r") X(SetPrivate, "rr") X(DefinePrivate, "rr") X(HasPrivate, "r") \
    X(SuperCall, "rn") X(SuperCallSpread, "r") X(GetSuper, "k") X(GetSuperKeyed, "") \
    X(SetSuper, "r")       /* super[R[r]] = acc (receiver this; acc preserved) */ \
    X(SetHomeObject, "r")  /* object literal methods: acc closure's [[HomeObject]] = R[r] */ \
    X(GetTemplateObject, "fnk") /* per-site strings object: n quasis, cooked at k.., raw at k+n.. */ \
    X(CallElement, "r")    /* acc = acc.call(R[r]) (class element functions) */ \
    X(DefinePrivateMethod, "rrn") /* obj, key, kind 0 method 1 get 2 set; acc closure */ \
    X(SetFieldKeys, "r")   /* initializer closure (acc) keeps the computed keys array R[r] */ \
    X(LdaFieldKey, "n")    /* acc = computed field key n of the running initializer */ \
    X(Return, "") X(Throw, "") X(ThrowConst, "k") X(ThrowMsg, "nk")          \
    /* generators and async bodies (ADR 0008, addendum): each suspension  \
       copies the frame into the generator's snapshot and returns to the  \
       C resumer; the resumption kind (next/throw/return) is applied when \
       the frame is copied back */                                       \
    X(GenStart, "")        /* parameters bound: suspend to the call, which creates the generator */ \
    X(Yield, "j")          /* suspend with acc; resumed: next -> acc = value; throw -> throws here; \
                              return -> acc = value, jump j (the compiled return path) */ \
    X(Await, "")           /* async bodies: suspend on acc; resumed with the value, or throws the reason */ \
    X(YieldDelegate, "r")  /* yield* step: suspend with acc (sync: the inner result object, passed \
                              through); resumed: acc = value, R[r] = kind 0 next 1 throw 2 return */ \
    X(DelegateCall, "rj")  /* yield*: R[r] iterator, r+1 next, r+2 kind: acc = next/throw/return(acc); \
                              return with no return method: jump j (acc kept); async throw with no \
                              throw method: acc = return() result, kind 3 (closing) */ \
    X(DelegateResult, "rjj") /* yield*: acc inner result (awaited when async): done -> acc = value, \
                              jump j1 (next/throw) or j2 (return); else acc = result (sync) or value */ \
    X(IterInit, "rn")      /* acc iterable -> r: iterator, r+1: next method, r+2: false (no array \
                              fast mode); n = 1: GetIterator(async), sync ones wrapped */ \
    X(AsyncIterNext, "r")  /* acc = R[r+1].call(R[r]) (for await: then Await, AsyncIterResult) */ \
    X(AsyncIterResult, "rj") /* acc result: TypeError unless object; done -> R[r+2] = true, jump j; \
                              else acc = value */ \
    X(AsyncIterClose, "rnj") /* acc = R[r].return() (then Await, CheckObject); no return method -> jump j; \
                              n = 1 (throw completion): errors jump j too, R[r+2] set */ \
    X(CheckObject, "")     /* TypeError unless acc is an object */ \
    X(Debugger, "") X(Nop, "")

typedef enum EnOpcode {
#define EN_OP_ENUM_(name, ops) EN_OP_##name,
    EN_OPCODES(EN_OP_ENUM_)
#undef EN_OP_ENUM_
        EN_OP_COUNT
} EnOpcode;

// Operand kinds and names (disasm.c).
extern const char *const en_bc_op_names[EN_OP_COUNT];
extern const char *const en_bc_op_operands[EN_OP_COUNT];

// ThrowMsg kinds (operand n).
#define EN_MSG_TYPE_ERROR 0
#define EN_MSG_REFERENCE_ERROR 1
#define EN_MSG_SYNTAX_ERROR 2
#define EN_MSG_RANGE_ERROR 3

// ---------------------------------------------------------------------------
// Feedback (inline caches). A property slot caches up to EN_IC_WAYS
// (receiver shape -> slot) entries; holder non-NULL means the property was
// found on the receiver's direct prototype (holder) whose shape must still
// be holder_shape. State goes MONO -> POLY -> MEGA and never back.
#define EN_IC_WAYS 4
#define EN_IC_UNINIT 0
#define EN_IC_MONO 1
#define EN_IC_POLY 2
#define EN_IC_MEGA 3
typedef struct EnICEntry {
    EnShape *shape;
    EnObject *holder;
    EnShape *holder_shape;
    uint32_t slot;
} EnICEntry;
typedef struct EnFeedback {
    uint8_t state;
    uint8_t n;
    uint32_t count;          // executions (calls: a hotness figure for the JIT)
    uint32_t aux;            // globals: the lexical-declaration epoch of the cached entry
    EnICEntry e[EN_IC_WAYS];
} EnFeedback;

// Exception handlers: an exception thrown at pc in [start, end) jumps to
// handler with the exception in acc.
typedef struct EnHandler {
    uint32_t start, end, handler;
} EnHandler;

// Source record: the text, parse and analysis of one script (or eval /
// Function body), shared by the templates compiled from it. Refcounted:
// each template holds one reference (its finalizer drops it).
typedef struct EnSource {
    uint32_t refs;
    char *text;              // NUL-padded copy (och_free)
    uint32_t len;
    char *filename;          // och_strndup
    PsParse *parse;
    AnResult *an;
    OchLineIndex lines;      // built lazily (lines_built)
    bool lines_built;
    bool print_bytecode;     // dump each template to stderr when it compiles
    struct EnModule *module; // module goal: its record (module_int.h), else NULL (weak)
} EnSource;
EnSource *en_source_retain(EnSource *s);
void en_source_release(EnSource *s);
// 0-based line and column (UTF-16 units) of a byte offset.
OchLineCol en_source_position(EnSource *s, uint32_t offset);

// Template flags.
#define EN_TF_COMPILED 0x0001u
#define EN_TF_STRICT 0x0002u
#define EN_TF_ARROW 0x0004u
#define EN_TF_SCRIPT 0x0008u       // top-level code of a script
#define EN_TF_CONSTRUCTOR 0x0010u  // ordinary function: has [[Construct]]
#define EN_TF_METHOD 0x0020u
#define EN_TF_GENERATOR 0x0040u
#define EN_TF_ASYNC 0x0080u
#define EN_TF_EVAL 0x0100u
#define EN_TF_DERIVED 0x0200u      // derived class constructor
#define EN_TF_CLASS_CTOR 0x0400u   // class constructor (explicit or default)
#define EN_TF_DEFAULT_CTOR 0x0800u // synthesized default constructor (node: the class)
#define EN_TF_FIELD_INIT 0x1000u   // instance field initializer (node: the class)
#define EN_TF_ELEMENT 0x2000u      // static field / static block (node: the member)
#define EN_TF_MODULE 0x4000u       // top-level code of a module (node: PROGRAM, module goal)

// A function's code (cell EN_CELL_FUNCTION_TEMPLATE). Until its first call
// only node/scope/src are set (lazy compilation).
typedef struct EnFunctionTemplate {
    EnCell hdr;
    uint32_t flags;          // EN_TF_*
    uint32_t nparams;        // formal parameters copied into registers 0..nparams-1
    uint32_t length;         // the function's "length"
    uint32_t nregs;
    EnSource *src;           // counted reference
    PsNode *node;            // FUNCTION_* node, or PROGRAM
    EnString *name;          // function name ("" when anonymous)
    uint32_t *code;
    uint32_t code_len;
    EnValue *consts;         // strings, numbers, nested templates (EN_TAG_CELL)
    uint32_t nconsts;
    EnFeedback *feedback;
    uint32_t nfeedback;
    EnHandler *handlers;
    uint32_t nhandlers;
    uint8_t *positions;      // LEB128 pairs (pc delta, signed source delta)
    uint32_t positions_len;
    uint32_t calls;          // hotness: calls
    uint32_t backedges;      // hotness: loop back-edges
    uint32_t src_start;      // toString text: 1 + start offset (methods: the MethodDefinition,
    uint32_t src_end;        // class constructors: the class); 0: the node's own span
} EnFunctionTemplate;

static inline EnValue en_cell_value(const void *cell) { return en_ptr_value(EN_TAG_CELL, cell); }

// Allocates an uncompiled template for node (NULL on heap limit).
EnFunctionTemplate *en_bc_template_new(EnContext *cx, EnSource *src, PsNode *node);
// Template of a synthesized function (EN_TF_DEFAULT_CTOR, EN_TF_FIELD_INIT,
// EN_TF_ELEMENT) for node, named name (may be NULL).
EnFunctionTemplate *en_bc_template_new_special(EnContext *cx, EnSource *src, PsNode *node,
                                               uint32_t flags, EnString *name);
// Compiles a template (its body) if needed. False with a SyntaxError (or
// OOM) pending.
bool en_bc_compile(EnContext *cx, EnFunctionTemplate *t);
// Source offset of a code offset (-1 when unknown).
int64_t en_bc_source_offset(const EnFunctionTemplate *t, uint32_t pc);
// Appends a listing of t (and of compiled nested templates) to out.
void en_bc_disassemble(EnContext *cx, EnFunctionTemplate *t, OchBuf *out);

#endif
