/*
 * fuzz_tabari.c - libFuzzer target for TABARI projects (project.c and
 * tabari_code.c): any bytes split at "\n%%\n" lines into the actors,
 * agents, verbs, options and text files of a project held in memory, every
 * record of the text read, its OPTION records applied and its text coded;
 * then the whole input as each one of those files beside small fixed
 * dictionaries, and as a record's text.  Bad lines must be warnings, never
 * crashes; every event's strings must be set and its offsets inside the
 * text coded.
 */
#include "lexicon/tabari_proj.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char ACTORS[] =
    "GONDOR [GON]\nMINAS_TIRITH [GON]\nARNOR [ARN] [ARN 950101-951231]\n"
    "THE SHIRE [FRO/BIL/SAM]\nMORDOR [---]\nSAURON [###]\n"
    "<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n<NOUN>\nSHEEP\n</NOUN>\n";
static const char AGENTS[] =
    "MINISTER_ [~GOV]\nACTIVISTS [NGM~]\n";
static const char VERBS[] =
    "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+AUSTRIAN FLORIN\n+KRONER_\n</SYNSETS>\n"
    "ATTACK [223]\n- * &CURRENCY [903]\n- $ ^ FOR * + [164]\n"
    "- % HAVE * [032]\n- RECENTLY { LOUDLY INCLUDED | STRONGLY ASSERTED } ITS * [043]\n"
    "VISIT_ [032:033]\nATTEND [031!]\nSAID [---?]\nURGE [102]\nCOMPLEX [+++]\n";
static const char OPTIONS[] =
    "SET: CODE ALL\nDEFAULT: SOURCE [DEF] PRIOR TARGET [DFT] AFTER\nFORWARD: ^^**NNN*SSS\n";
static const char TEXT[] =
    "950101 REC-001\nGondor attacked Arnor and the Shire after the evil minister "
    "of Arnor said it would visit Gondor.\n/* { GON / ARN / 223 } "
    "{ OPTION: SET: CODE BY SENTENCE } */\n\n";

static void check(tc_tabari *t, const char *text, size_t len, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        tc_tabari_event e;
        if (tc_tabari_event_at(t, i, &e) != TC_OK)
            abort();
        if (!e.source || !e.target || !e.code || !e.code[0])
            abort();
        if (e.start > e.end || e.end > len || e.verb_start > e.verb_end ||
            e.verb_end > len || e.source_end > len || e.target_end > len)
            abort();
    }
    (void)text;
}

/* Reads every record of the project's text and codes it. */
static void run(const tb_source src[5])
{
    tc_error err;
    tc_tabari *t = tb_tabari_open_mem(NULL, src, NULL, NULL, &err);
    tc_tabari_record r;
    int records = 0;
    if (!t)
        return;
    while (records++ < 10000 && tc_tabari_next(t, &r) == TC_OK) {
        size_t n = 0, len = strlen(r.text);
        if (!r.id || !r.date || !r.extra || !r.comment)
            abort();
        tc_tabari_apply_options(t, r.comment);
        if (tc_tabari_code(t, r.text, len, r.date, &n) == TC_OK)
            check(t, r.text, len, n);
    }
    tc_tabari_close(t);
}

static void fixed(tb_source src[5])
{
    static const char *const texts[5] = {ACTORS, AGENTS, VERBS, OPTIONS, TEXT};
    static const char *const names[5] = {"actors", "agents", "verbs",
                                         "options", "text"};
    int k;
    for (k = 0; k < 5; k++) {
        src[k].name = names[k];
        src[k].text = texts[k];
        src[k].len = strlen(texts[k]);
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *s = (const char *)data, *p = s, *end = s + size;
    tb_source src[5];
    int k;
    /* 1. the input split into the five files */
    fixed(src);
    for (k = 0; k < 5; k++) {
        const char *sep = NULL, *q;
        for (q = p; q + 4 <= end; q++)
            if (memcmp(q, "\n%%\n", 4) == 0) {
                sep = q;
                break;
            }
        src[k].text = p;
        src[k].len = (size_t)((sep ? sep : end) - p);
        if (!sep) {
            for (k++; k < 5; k++)
                src[k].text = NULL, src[k].len = 0;
            break;
        }
        p = sep + 4;
    }
    if (!src[4].text) { /* no text file: the fixed one */
        src[4].text = TEXT;
        src[4].len = strlen(TEXT);
    }
    run(src);
    /* 2. the whole input as each file beside the fixed ones */
    for (k = 0; k < 5; k++) {
        fixed(src);
        src[k].text = s;
        src[k].len = size;
        run(src);
    }
    /* 3. the input as a record's text */
    {
        tc_error err;
        tc_tabari *t;
        size_t n = 0;
        fixed(src);
        t = tb_tabari_open_mem(NULL, src, NULL, NULL, &err);
        if (!t)
            return 0;
        if (tc_tabari_code(t, s, size, "1995-06-30", &n) == TC_OK)
            check(t, s, size, n);
        tc_tabari_close(t);
    }
    return 0;
}
