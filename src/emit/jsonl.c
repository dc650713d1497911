/*
 * jsonl.c - JSONL records of an analysed document.  Every record opens with
 * the envelope every later record type extends ({"kind", "article", ...,
 * byte offsets into the article text}); every field a type names is always
 * present ("" for unknown text, null for unknown numbers).
 */
#include "../doc.h"
#include "emit.h"

#include <stdio.h>
#include <string.h>

/* Appends ,"name":value for a number (null when `known` is false). */
static tc_status num_field(tc_sb *sb, const char *name, uint64_t v, bool known)
{
    tc_status st = tc_sb_puts(sb, name);
    if (st != TC_OK)
        return st;
    return known ? tc_sb_uint(sb, v) : tc_sb_puts(sb, "null");
}

static tc_status envelope(tc_sb *sb, const char *kind, const tc_doc *doc)
{
    tc_status st = tc_sb_puts(sb, "{\"kind\":\"");
    if (st == TC_OK)
        st = tc_sb_puts(sb, kind);
    if (st == TC_OK)
        st = tc_sb_puts(sb, "\",\"article\":");
    if (st == TC_OK)
        st = tc_json_string(sb, doc->id, strlen(doc->id));
    return st;
}

static tc_status flush(tc_sb *sb, FILE *out)
{
    tc_status st = tc_sb_putc(sb, '\n');
    if (st != TC_OK)
        return st;
    if (fwrite(sb->p, 1, sb->n, out) != sb->n)
        return TC_ERR_IO;
    tc_sb_clear(sb);
    return TC_OK;
}

static tc_status sentence_record(tc_sb *sb, const tc_doc *doc, size_t i)
{
    const char *text = doc->text.text;
    tc_sentence s;
    tc_status st;
    tc_doc_sentence(doc, i, &s);
    st = envelope(sb, "sentence", doc);
    if (st == TC_OK)
        st = num_field(sb, ",\"paragraph\":", s.paragraph, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"sentence\":", s.number, true);
    if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"role\":\"");
    if (st == TC_OK)
        st = tc_sb_puts(sb, tc_role_name(s.role));
    if (st == TC_OK)
        st = num_field(sb, "\",\"start\":", s.start, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"end\":", s.end, true);
    if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"text\":");
    if (st == TC_OK)
        st = tc_json_string(sb, text + s.start, s.end - s.start);
    if (st == TC_OK)
        st = num_field(sb, ",\"repeat_of\":", s.repeat_of, s.repeat_of != 0);
    if (st == TC_OK)
        st = tc_sb_putc(sb, '}');
    return st;
}

tc_status tc_doc_write_sentences(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, n = tc_doc_sentence_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = sentence_record(&sb, doc, i);
        if (st == TC_OK)
            st = flush(&sb, out);
    }
    tc_sb_free(&sb);
    return st;
}

static const char *token_type(tc_token_kind kind)
{
    switch (kind) {
    case TC_TOKEN_WORD: return "word";
    case TC_TOKEN_NUMBER: return "number";
    case TC_TOKEN_PUNCT: return "punct";
    case TC_TOKEN_SYMBOL: return "symbol";
    }
    return "word";
}

static tc_status token_flags(tc_sb *sb, unsigned flags)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {{TC_TOKEN_CAPITALIZED, "capitalized"},
                 {TC_TOKEN_ALL_CAPS, "all_caps"},
                 {TC_TOKEN_JOINED, "joined"},
                 {TC_TOKEN_ABBREV, "abbrev"}};
    size_t k;
    const char *sep = "";
    tc_status st = tc_sb_printf(sb, ",\"flags\":[");
    for (k = 0; k < sizeof names / sizeof names[0] && st == TC_OK; k++) {
        if (flags & names[k].bit) {
            st = tc_sb_printf(sb, "%s\"%s\"", sep, names[k].name);
            sep = ",";
        }
    }
    return st == TC_OK ? tc_sb_printf(sb, "]}") : st;
}

static tc_status token_record(tc_sb *sb, const tc_doc *doc, size_t sentence,
                              size_t i)
{
    tc_token t;
    tc_status st;
    tc_doc_token(doc, i, &t);
    st = envelope(sb, "token", doc);
    if (st == TC_OK)
        st = tc_sb_printf(sb, ",\"sentence\":%zu,\"start\":%zu,\"end\":%zu,"
                          "\"text\":", sentence, t.start, t.end);
    if (st == TC_OK)
        st = tc_json_string(sb, doc->text.text + t.start, t.end - t.start);
    if (st == TC_OK)
        st = tc_sb_printf(sb, ",\"norm\":");
    if (st == TC_OK)
        st = tc_json_string(sb, t.norm, t.norm_len);
    if (st == TC_OK)
        st = tc_sb_printf(sb, ",\"type\":\"%s\"", token_type(t.kind));
    if (st == TC_OK)
        st = token_flags(sb, t.flags);
    return st;
}

tc_status tc_doc_write_tokens(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, j, n = tc_doc_sentence_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        tc_sentence s;
        tc_doc_sentence(doc, i, &s);
        for (j = 0; j < s.token_count && st == TC_OK; j++) {
            st = token_record(&sb, doc, s.number, s.first_token + j);
            if (st == TC_OK)
                st = flush(&sb, out);
        }
    }
    tc_sb_free(&sb);
    return st;
}

static tc_status str_field(tc_sb *sb, const char *name, const char *v)
{
    tc_status st = tc_sb_puts(sb, name);
    return st == TC_OK ? tc_json_string(sb, v, strlen(v)) : st;
}

static tc_status actor_record(tc_sb *sb, const tc_doc *doc, size_t i)
{
    tc_actor a;
    tc_status st;
    tc_doc_actor(doc, i, &a);
    st = envelope(sb, "actor", doc);
    if (st == TC_OK)
        st = num_field(sb, ",\"sentence\":", a.sentence, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"start\":", a.start, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"end\":", a.end, true);
    if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"text\":");
    if (st == TC_OK)
        st = tc_json_string(sb, doc->text.text + a.start, a.end - a.start);
    if (st == TC_OK)
        st = str_field(sb, ",\"code\":", a.code);
    if (st == TC_OK)
        st = str_field(sb, ",\"country\":", a.country);
    if (st == TC_OK)
        st = str_field(sb, ",\"agent\":", a.agent);
    if (st == TC_OK)
        st = str_field(sb, ",\"name\":", a.name);
    if (st == TC_OK)
        st = str_field(sb, ",\"type\":", a.type);
    if (st == TC_OK)
        st = str_field(sb, ",\"affiliation\":", a.affiliation);
    if (st == TC_OK)
        st = str_field(sb, ",\"match\":", tc_match_kind_name(a.match));
    if (st == TC_OK)
        st = tc_sb_putc(sb, '}');
    return st;
}

tc_status tc_doc_write_actors(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, n = tc_doc_actor_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = actor_record(&sb, doc, i);
        if (st == TC_OK)
            st = flush(&sb, out);
    }
    tc_sb_free(&sb);
    return st;
}

static tc_status text_field(tc_sb *sb, const char *name, const tc_doc *doc,
                            size_t start, size_t end)
{
    tc_status st = tc_sb_puts(sb, name);
    return st == TC_OK ? tc_json_string(sb, doc->text.text + start, end - start)
                       : st;
}

static tc_status event_record(tc_sb *sb, const tc_doc *doc, size_t i)
{
    tc_event e;
    tc_status st;
    char num[32];
    tc_doc_event(doc, i, &e);
    st = envelope(sb, "event", doc);
    if (st == TC_OK)
        st = num_field(sb, ",\"sentence\":", e.sentence, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"start\":", e.start, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"end\":", e.end, true);
    if (st == TC_OK)
        st = str_field(sb, ",\"date\":", e.date);
    if (st == TC_OK)
        st = str_field(sb, ",\"date_precision\":", e.date_precision);
    if (st == TC_OK)
        st = str_field(sb, ",\"source\":", e.source);
    if (st == TC_OK)
        st = str_field(sb, ",\"target\":", e.target);
    if (st == TC_OK)
        st = str_field(sb, ",\"code\":", e.code);
    if (st == TC_OK)
        st = str_field(sb, ",\"root\":", e.root);
    if (st == TC_OK)
        st = num_field(sb, ",\"quad\":", (uint64_t)e.quad, true);
    snprintf(num, sizeof num, ",\"goldstein\":%.1f", e.goldstein);
    if (st == TC_OK)
        st = tc_sb_puts(sb, num);
    if (st == TC_OK)
        st = str_field(sb, ",\"plover\":", e.plover);
    if (st == TC_OK)
        st = str_field(sb, ",\"plover_mode\":", e.plover_mode);
    if (st == TC_OK)
        st = tc_sb_puts(sb, e.negated ? ",\"negated\":true" : ",\"negated\":false");
    if (st == TC_OK)
        st = str_field(sb, ",\"modality\":", e.modality);
    if (st == TC_OK)
        st = str_field(sb, ",\"reported_by\":", e.reported_by);
    if (st == TC_OK)
        st = str_field(sb, ",\"role\":", e.role);
    if (st == TC_OK)
        st = text_field(sb, ",\"source_text\":", doc, e.source_start, e.source_end);
    if (st == TC_OK)
        st = text_field(sb, ",\"target_text\":", doc, e.target_start, e.target_end);
    if (st == TC_OK)
        st = text_field(sb, ",\"verb_text\":", doc, e.verb_start, e.verb_end);
    if (st == TC_OK) /* places: the sentence's place, or null */
        st = tc_emit_sentence_place(sb, doc, e.sentence - 1, ",\"place\":");
    if (st == TC_OK)
        st = tc_sb_putc(sb, '}');
    return st;
}

tc_status tc_doc_write_events(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, n = tc_doc_event_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = event_record(&sb, doc, i);
        if (st == TC_OK)
            st = flush(&sb, out);
    }
    tc_sb_free(&sb);
    return st;
}

/* Copies text to out with tabs and line ends made spaces. */
static void tsv_text(FILE *out, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        fputc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], out);
}

tc_status tc_doc_write_events_tsv(const tc_doc *doc, FILE *out)
{
    size_t i, n = tc_doc_event_count(doc);
    if (!doc || !out)
        return TC_ERR_USAGE;
    for (i = 0; i < n; i++) {
        tc_event e;
        tc_doc_event(doc, i, &e);
        fprintf(out, "%s\t%s\t%s\t%s\t", e.date, e.source, e.target, e.code);
        tsv_text(out, doc->id, strlen(doc->id));
        fprintf(out, "\t%zu\t%s\t%s\t", e.sentence, e.negated ? "neg" : "",
                e.modality);
        tsv_text(out, doc->text.text + e.verb_start, e.verb_end - e.verb_start);
        if (fputc('\n', out) == EOF)
            return TC_ERR_IO;
    }
    return TC_OK;
}

/* ---- Counts ------------------------------------------------------------ */

static tc_status number_field(tc_sb *sb, const char *name, double v)
{
    char num[48];
    if (v == (double)(uint64_t)v && v < 1e15)
        snprintf(num, sizeof num, "%s%llu", name, (unsigned long long)v);
    else
        snprintf(num, sizeof num, "%s%.6g", name, v);
    return tc_sb_puts(sb, num);
}

static tc_status count_record(tc_sb *sb, const tc_doc *doc, size_t i)
{
    tc_count c;
    tc_status st;
    tc_doc_count(doc, i, &c);
    st = envelope(sb, "count", doc);
    if (st == TC_OK)
        st = num_field(sb, ",\"sentence\":", c.sentence, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"start\":", c.start, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"end\":", c.end, true);
    if (st == TC_OK)
        st = str_field(sb, ",\"type\":", c.type);
    if (st == TC_OK)
        st = number_field(sb, ",\"number\":", c.number);
    if (st == TC_OK)
        st = number_field(sb, ",\"high\":", c.high);
    if (st == TC_OK)
        st = str_field(sb, ",\"precision\":", c.precision);
    if (st == TC_OK)
        st = str_field(sb, ",\"object\":", c.object);
    if (st == TC_OK)
        st = str_field(sb, ",\"object_code\":", c.object_code);
    if (st == TC_OK)
        st = str_field(sb, ",\"actor_code\":", c.actor_code);
    if (st == TC_OK)
        st = tc_sb_puts(sb, c.cumulative ? ",\"cumulative\":true"
                                         : ",\"cumulative\":false");
    if (st == TC_OK)
        st = num_field(sb, ",\"since\":", (uint64_t)c.since_year,
                       c.since_year != 0);
    if (st == TC_OK)
        st = str_field(sb, ",\"date\":", c.date);
    if (st == TC_OK)
        st = str_field(sb, ",\"date_end\":", c.date_end);
    if (st == TC_OK)
        st = str_field(sb, ",\"date_precision\":", c.date_precision);
    if (st == TC_OK)
        st = tc_emit_sentence_place(sb, doc, c.sentence - 1, ",\"location\":");
    if (st == TC_OK)
        st = text_field(sb, ",\"number_text\":", doc, c.number_start,
                        c.number_end);
    if (st == TC_OK)
        st = text_field(sb, ",\"text\":", doc, c.start, c.end);
    if (st == TC_OK)
        st = tc_sb_putc(sb, '}');
    return st;
}

tc_status tc_doc_write_counts(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, n = tc_doc_count_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = count_record(&sb, doc, i);
        if (st == TC_OK)
            st = flush(&sb, out);
    }
    tc_sb_free(&sb);
    return st;
}

/* ---- Quotes ------------------------------------------------------------ */

/* The quoted words: the parts joined by a space. */
static tc_status quote_text(tc_sb *sb, const tc_doc *doc, const tc_quote *q,
                            tc_sb *tmp)
{
    size_t k;
    tc_status st = TC_OK;
    tc_sb_clear(tmp);
    for (k = 0; k < q->part_count && st == TC_OK; k++) {
        if (k > 0)
            st = tc_sb_putc(tmp, ' ');
        if (st == TC_OK)
            st = tc_sb_append(tmp, doc->text.text + q->part_start[k],
                              q->part_end[k] - q->part_start[k]);
    }
    if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"text\":");
    return st == TC_OK ? tc_json_string(sb, tmp->p ? tmp->p : "", tmp->n) : st;
}

static tc_status quote_record(tc_sb *sb, const tc_doc *doc, size_t i,
                              tc_sb *tmp)
{
    tc_quote q;
    tc_status st;
    bool spk;
    tc_doc_quote(doc, i, &q);
    spk = q.speaker_end > q.speaker_start;
    st = envelope(sb, "quote", doc);
    if (st == TC_OK)
        st = num_field(sb, ",\"start\":", q.start, true);
    if (st == TC_OK)
        st = num_field(sb, ",\"end\":", q.end, true);
    if (st == TC_OK)
        st = quote_text(sb, doc, &q, tmp);
    if (st == TC_OK)
        st = text_field(sb, ",\"speaker\":", doc, q.speaker_start, q.speaker_end);
    if (st == TC_OK)
        st = num_field(sb, ",\"speaker_start\":", q.speaker_start, spk);
    if (st == TC_OK)
        st = num_field(sb, ",\"speaker_end\":", q.speaker_end, spk);
    if (st == TC_OK)
        st = str_field(sb, ",\"speaker_name\":", q.speaker_name);
    if (st == TC_OK)
        st = str_field(sb, ",\"speaker_code\":", q.speaker_code);
    if (st == TC_OK)
        st = text_field(sb, ",\"cue\":", doc, q.cue_start, q.cue_end);
    if (st == TC_OK)
        st = tc_sb_puts(sb, q.direct ? ",\"direct\":true" : ",\"direct\":false");
    if (st == TC_OK)
        st = tc_sb_puts(sb, q.partial ? ",\"partial\":true}" : ",\"partial\":false}");
    return st;
}

tc_status tc_doc_write_quotes(const tc_doc *doc, FILE *out)
{
    tc_sb sb, tmp;
    size_t i, n = tc_doc_quote_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    tc_sb_init(&tmp, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = quote_record(&sb, doc, i, &tmp);
        if (st == TC_OK)
            st = flush(&sb, out);
    }
    tc_sb_free(&tmp);
    tc_sb_free(&sb);
    return st;
}

/* ---- Articles as input ------------------------------------------------- */

static tc_status input_field(tc_sb *sb, const char *name, const char *v,
                             size_t n)
{
    tc_status st;
    if (!v || !n)
        return TC_OK;
    st = tc_sb_puts(sb, name);
    return st == TC_OK ? tc_json_string(sb, v, n) : st;
}

tc_status tc_doc_write_input(const tc_doc *doc, FILE *out)
{
    tc_article_in a;
    tc_sb sb;
    tc_status st;
    if (!out || tc_doc_input(doc, &a) != TC_OK)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    st = input_field(&sb, "{\"id\":", a.id, strlen(a.id));
    if (st == TC_OK && !a.id[0])
        st = tc_sb_puts(&sb, "{\"id\":\"\"");
    if (st == TC_OK)
        st = input_field(&sb, ",\"date\":", a.date, strlen(a.date));
    if (st == TC_OK)
        st = input_field(&sb, ",\"title\":", a.title, strlen(a.title));
    if (st == TC_OK)
        st = input_field(&sb, ",\"url\":", a.url, strlen(a.url));
    if (st == TC_OK)
        st = input_field(&sb, ",\"source\":", a.source, strlen(a.source));
    if (st == TC_OK)
        st = input_field(&sb, ",\"language\":", a.language, strlen(a.language));
    if (st == TC_OK)
        st = tc_sb_puts(&sb, ",\"text\":");
    if (st == TC_OK)
        st = tc_json_string(&sb, a.text, a.text_len);
    if (st == TC_OK)
        st = tc_sb_putc(&sb, '}');
    if (st == TC_OK)
        st = flush(&sb, out);
    tc_sb_free(&sb);
    return st;
}
